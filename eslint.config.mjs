import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const frameworkImports = {
  patterns: [
    {
      group: ["next", "next/*", "react", "react/*", "react-dom", "react-dom/*", "@prisma/*", "next-auth", "next-auth/*", "server-only"],
      message: "The pure core (lib/model-core, lib/questions, lib/srs, lib/sim, lib/analytics) imports no framework (docs/architecture.md).",
    },
    {
      group: ["@/lib/server", "@/lib/server/**", "**/lib/server", "**/lib/server/**", "../server", "../server/**", "../../server/**", "@/lib/server-shared/**", "**/lib/server-shared/**"],
      message: "The pure core never imports lib/server: pass data in instead (docs/architecture.md).",
    },
    {
      group: ["@/lib/generated/*", "**/generated/prisma", "**/generated/prisma/*"],
      message: "Only lib/server touches the Prisma client.",
    },
  ],
};

const config = [
  { ignores: ["node_modules/**", ".next/**", "lib/generated/**", "public/**", "next-env.d.ts", "bench/out/**", "test-results/**", "playwright-report/**"] },
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["lib/model-core/**", "lib/questions/**", "lib/srs/**", "lib/sim/**", "lib/analytics/**"],
    rules: { "no-restricted-imports": ["error", frameworkImports] },
  },
  {
    // Routes call the data layer; only lib/server touches the database client.
    files: ["app/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/server/platform/db", "**/lib/server/platform/db"], message: "Routes call a data function of lib/server, never the database client (docs/architecture.md)." },
            { group: ["@/lib/generated/*", "**/generated/prisma", "**/generated/prisma/*", "@prisma/*"], message: "Only lib/server touches the Prisma client." },
          ],
        },
      ],
    },
  },
  {
    // next.config.js is CommonJS (the design card names it .js): require() is its import syntax.
    files: ["next.config.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
];

export default config;
