import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/server/accounts/session";
import { AuthCard } from "../_components/auth-card";
import { LoginForm } from "./login-form";
import { safeCallbackUrl } from "@/lib/safe-callback-url";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("loginTitle") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const t = await getTranslations("auth");
  return (
    <AuthCard
      title={t("loginTitle")}
      lead={t("loginLead")}
      footer={<>{t("noAccount")} <Link href="/register" className="link">{t("registerLink")}</Link></>}
    >
      <LoginForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
