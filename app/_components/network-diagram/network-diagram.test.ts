import { NextIntlClientProvider } from "next-intl";
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import enArchitect from "@/lib/i18n/messages/en/architect.json";
import koArchitect from "@/lib/i18n/messages/ko/architect.json";
import type { AskedOfNetwork } from "@/lib/questions";
import { MIN_LABEL_PX, NetworkDiagram } from "./network-diagram";
import type { ArchitectureSpecInput } from "@/lib/model-core";

/** The diagram as a student's browser gets it, with the real message files. */
function render(spec: ArchitectureSpecInput, asked: AskedOfNetwork | null, locale: "en" | "ko" = "en"): string {
  const messages = { architect: locale === "en" ? enArchitect : koArchitect };
  // The child goes in as createElement's third argument; the prop type still asks for the key.
  const provider: ComponentProps<typeof NextIntlClientProvider> = { locale, messages, timeZone: "UTC", children: null };
  return renderToStaticMarkup(createElement(NextIntlClientProvider, provider, createElement(NetworkDiagram, { spec, asked })));
}

const label = (html: string) => /<svg[^>]*aria-label="([^"]*)"/.exec(html)?.[1] ?? "";

// ISLP Figure 10.1's shape: 4 inputs, 5 hidden units, 1 output.
const small: ArchitectureSpecInput = { input: [4], layers: [{ type: "dense", units: 5, activation: "relu" }, { type: "dense", units: 1 }] };
const weights = 4 * 5 + 5 * 1;
const biases = 5 + 1;

describe("NetworkDiagram's text for screen readers", () => {
  it("gives the count the question asks for: the weights, with the total beside them", () => {
    expect(weights + biases).toBe(31);
    expect(label(render(small, { ask: "weights", layerIndex: null }))).toMatch(new RegExp(`\\. ${weights} weights \\(${weights + biases} parameters with the biases\\)\\.$`));
    expect(label(render(small, { ask: "biases", layerIndex: null }))).toMatch(new RegExp(`\\. ${biases} biases \\(31 parameters with the weights\\)\\.$`));
    expect(label(render(small, { ask: "weights", layerIndex: null }, "ko"))).toContain(`가중치 ${weights}개`);
  });

  it("names the layer a layer question asks about, and the total otherwise", () => {
    expect(label(render(small, { ask: "layer-params", layerIndex: 1 }))).toMatch(/: 6 parameters \(31 in the network\)\.$/);
    expect(label(render(small, { ask: "total", layerIndex: null }))).toMatch(/\. 31 parameters\.$/);
    expect(label(render(small, null))).toMatch(/\. 31 parameters\.$/);
  });
});

describe("NetworkDiagram on a phone", () => {
  it.each([
    ["nodes", small],
    ["nodes with a wide layer", { input: [784], layers: [{ type: "dense", units: 1024, activation: "relu" }, { type: "dropout", rate: 0.4 }, { type: "dense", units: 10 }] }],
    ["blocks", { input: [32, 32, 3], layers: [{ type: "conv2d", filters: 32, kernelSize: 3, padding: "same", activation: "relu" }, { type: "maxPool2d", poolSize: 2 }, { type: "flatten" }, { type: "dense", units: 10 }] }],
  ] as [string, ArchitectureSpecInput][])("never draws text under 12 px (%s): the drawing keeps its width and scrolls instead", (_, spec) => {
    const html = render(spec, null);
    const sizes = [...html.matchAll(/font-size="(\d+(?:\.\d+)?)"/g)].map((match) => Number(match[1]));
    expect(sizes.length).toBeGreaterThan(3);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(MIN_LABEL_PX);
    const width = /<svg[^>]*width="(\d+(?:\.\d+)?)"/.exec(html)?.[1];
    expect(html).toContain(`min-width:${width}px`);
    expect(html).toMatch(/<div class="max-w-full overflow-x-auto" role="region"[^>]*tabindex="0"/);
  });
});
