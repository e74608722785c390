"use client";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { formatNumber } from "@/lib/model-core";
import type { Verification } from "./use-tfjs-verification";

/** What TensorFlow.js said about the network on screen (it runs on the server; the page never loads it). */
export function VerificationStatus({ verification, closedFormTotal }: { verification: Verification; closedFormTotal?: number }) {
  const t = useTranslations("architect");
  const box = "rounded-lg border px-3 py-2 text-sm";
  let content: ReactNode = null;
  let state = verification.status as string;
  switch (verification.status) {
    case "idle":
      content = <p className={`${box} border-slate-200 text-slate-600 dark:border-slate-700 dark:text-slate-400`}>{t("tfjsIdle")}</p>;
      break;
    case "checking":
      content = <p className={`${box} border-slate-200 text-slate-700 dark:border-slate-700 dark:text-slate-300`}>{t("tfjsChecking")}</p>;
      break;
    case "failed":
      content = (
        <p className={`${box} border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100`}>
          {t("tfjsFailed")} <span lang="en">{verification.message}</span>
        </p>
      );
      break;
    case "done": {
      const { report } = verification;
      const agrees = report.tfjs.agrees && (closedFormTotal === undefined || closedFormTotal === report.total);
      state = agrees ? "verified" : "disagrees";
      content = agrees ? (
        <div className={`${box} border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100`}>
          <p className="font-semibold">{t("tfjsVerified")}</p>
          <p className="mt-0.5">
            {report.tfjs.difference === 0
              ? t("tfjsVerifiedSame", { total: formatNumber(report.tfjs.total) })
              : t("tfjsVerifiedAdjusted", {
                  tfjs: formatNumber(report.tfjs.total),
                  difference: `${report.tfjs.difference > 0 ? "+" : "−"}${formatNumber(Math.abs(report.tfjs.difference))}`,
                  total: formatNumber(report.total),
                })}
          </p>
        </div>
      ) : (
        <div className={`${box} border-red-300 bg-red-50 text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100`}>
          <p className="font-semibold">{t("tfjsDisagrees", { tfjs: formatNumber(report.tfjs.total), total: formatNumber(report.total) })}</p>
          <ul className="mt-1 list-disc pl-5" lang="en">
            {report.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      );
      break;
    }
  }
  return (
    <div aria-live="polite" data-testid="tfjs-status" data-state={state}>
      {content}
    </div>
  );
}
