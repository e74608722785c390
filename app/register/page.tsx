import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/server/accounts/session";
import { AuthCard } from "../_components/auth-card";
import { RegisterForm } from "./register-form";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("registerTitle") };
}

export default async function RegisterPage() {
  if (await getCurrentUser()) redirect("/");
  const t = await getTranslations("auth");
  return (
    <AuthCard
      title={t("registerTitle")}
      lead={t("registerLead")}
      footer={<>{t("haveAccount")} <Link href="/login" className="link">{t("loginLink")}</Link></>}
    >
      <RegisterForm />
    </AuthCard>
  );
}
