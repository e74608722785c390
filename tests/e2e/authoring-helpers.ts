import { expect, type Page } from "@playwright/test";

/**
 * Instructor steps shared by the authoring, classes and private-deck specs: a deck through the New
 * deck form, a template written in the YAML editor with a deliberate mistake and fixed at its line,
 * save (the harness runs) and publish; a class with a join code, a deck assigned to it, and a
 * student joining with the code.
 */

/** A deck as the New deck form takes it, with one concept. */
export interface NewDeck {
  id: string;
  title: { en: string; ko: string };
  concept: { id: string; en: string; ko: string };
}

/** From any /author page: New deck → the form → the new deck's page. */
export async function createDeckThroughForm(page: Page, deck: NewDeck): Promise<void> {
  await page.getByRole("navigation", { name: "Authoring sections" }).getByRole("link", { name: /^New deck/ }).click();
  await page.getByLabel("Title (English)").fill(deck.title.en);
  await page.getByLabel("Title (Korean)").fill(deck.title.ko);
  await page.getByLabel("Deck id").fill(deck.id);
  await page.getByLabel("Concept 1 (English)").fill(deck.concept.en);
  await page.getByLabel("Concept 1 (Korean)").fill(deck.concept.ko);
  await page.getByLabel("Concept 1 id").fill(deck.concept.id);
  await page.getByTestId("create-deck").click();
  await expect(page).toHaveURL(new RegExp(`/author/decks/${deck.id}$`));
  await expect(page.getByRole("heading", { name: deck.title.en, level: 1 })).toBeVisible();
}

const editor = (page: Page) => page.locator('[data-testid="yaml-editor"] .cm-content');

/** Replaces the editor's whole text (typed as one insertion, as a paste would). */
async function replaceEditorText(page: Page, text: string): Promise<void> {
  await editor(page).click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(text);
}

/** A two-hidden-layer parameter count of concept `concept`; `ask` is the line the mistake goes in. */
function templateYaml(id: string, concept: string, ask: string): string {
  return [
    "templates:",
    `  - id: ${id}`,
    `    concept: ${concept}`,
    "    title: {ko: 두 은닉층 신경망의 모수, en: Parameters of a two-hidden-layer network}",
    "    params: {p: 4..64, K1: 8..128 step 8, K2: 4..64 step 4}",
    "    prompt:",
    '      ko: "입력 {{p}}개, 은닉층 {{K1}}개와 {{K2}}개 유닛, 출력 1개인 신경망의 모수는 몇 개입니까?"',
    '      en: "A network has {{p}} inputs, hidden layers of {{K1}} and {{K2}} units, and one output. How many parameters?"',
    "    answer:",
    "      architecture:",
    "        input: [=p]",
    "        layers:",
    "          - {type: dense, units: =K1, activation: relu}",
    "          - {type: dense, units: =K2, activation: relu}",
    "          - {type: dense, units: 1}",
    `      ask: ${ask}`,
    "      formula: (p+1)*K1 + (K1+1)*K2 + (K2+1)*1",
    "    solution:",
    '      ko: "층마다 (앞 층의 유닛 수 + 1) × (이 층의 유닛 수)를 더합니다. +1은 편향입니다. {{@work}}"',
    '      en: "Add (units of the previous layer + 1) × (units of this layer) over the layers; the +1 is the bias. {{@work}}"',
    "",
  ].join("\n");
}

/** The line of templateYaml that holds the mistake (`ask: totl`). */
export const MISTAKE_LINE = 16;

/** The parameter count a prompt of templateYaml asks for, read from the prompt's English text. */
export function expectedParameterCount(prompt: string): number {
  const match = /A network has (\d+) inputs, hidden layers of (\d+) and (\d+) units/.exec(prompt);
  if (!match) throw new Error(`not a prompt of the two-hidden-layer template: ${prompt}`);
  const [p, k1, k2] = match.slice(1).map(Number) as [number, number, number];
  return (p + 1) * k1 + (k1 + 1) * k2 + (k2 + 1);
}

/**
 * On a deck's page: opens the YAML editor, adds templates/<templateId>.yaml and types the template
 * with a deliberate mistake (`ask: totl`); the preview names the error at its line.
 */
export async function writeTemplateWithMistake(page: Page, templateId: string, concept: string): Promise<void> {
  await page.getByTestId("open-editor").click();
  await expect(page.getByTestId("yaml-editor")).toBeVisible();
  await page.getByLabel("New file name").fill(`templates/${templateId}.yaml`);
  await page.getByTestId("add-file").click();
  await expect(page.getByRole("button", { name: `templates/${templateId}.yaml` })).toHaveAttribute("aria-current", "page");
  await replaceEditorText(page, templateYaml(templateId, concept, "totl"));
  const errors = page.getByTestId("preview-errors");
  await expect(errors).toContainText(`Line ${MISTAKE_LINE}:`, { timeout: 15_000 });
  await expect(errors).toContainText("ask is one of");
  await expect(page.getByTestId("preview-variant")).toHaveCount(0);
}

/** Fixes the mistake where the error points (its button puts the cursor on the line); the error goes. */
export async function fixMistakeAtItsLine(page: Page): Promise<void> {
  const errors = page.getByTestId("preview-errors");
  await errors.getByRole("button").first().click();
  await page.keyboard.press("Shift+End");
  await page.keyboard.type("      ask: total");
  await expect(errors).toHaveCount(0, { timeout: 15_000 });
}

/** The live preview shows five variants, each verified by the model core, in both languages with a diagram. */
export async function expectFiveVerifiedVariants(page: Page): Promise<void> {
  const variants = page.getByTestId("preview-variant");
  await expect(variants).toHaveCount(5, { timeout: 15_000 });
  await expect(page.locator('[data-testid="preview-variant"][data-verified="true"]')).toHaveCount(5);
  await expect(page.getByTestId("preview")).toContainText("5 of 5 variants verified");
  await expect(variants.first()).toContainText("A network has");
  await expect(variants.first()).toContainText("은닉층");
  await expect(variants.first()).toContainText("verified: tf.sequential countParams()");
  await expect(variants.first().locator("svg").first()).toBeVisible();
}

/** Saves (Ctrl/Cmd+S): the harness runs without failures; then publishes. */
export async function saveAndPublish(page: Page): Promise<void> {
  await page.keyboard.press("ControlOrMeta+S");
  await expect(page.getByTestId("save-result")).toContainText("0 failures", { timeout: 60_000 });
  await expect(page.getByTestId("save-result")).toContainText("can be published");
  await page.getByTestId("publish").click();
  await expect(page.getByTestId("publish-result")).toContainText("is published");
}

/** On /author/classes: creates a class and lands on its page; returns the join code. */
export async function createClassThroughForm(teacher: Page, name: string): Promise<string> {
  await teacher.getByLabel("Class name").fill(name);
  await teacher.getByRole("button", { name: "Create" }).click();
  await expect(teacher.getByRole("heading", { name, level: 1 })).toBeVisible();
  const code = (await teacher.getByTestId("join-code").textContent())?.trim() ?? "";
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  return code;
}

/** On a class's page: assigns the deck titled `title` (listed with its visibility). */
export async function assignDeckToClass(teacher: Page, title: string, visibility: "public" | "private"): Promise<void> {
  await teacher.getByLabel("Assign a deck").selectOption({ label: `${title} (${visibility})` });
  await teacher.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(teacher.getByTestId("class-notice")).toHaveText("Deck assigned.");
  await expect(teacher.getByTestId("class-decks")).toContainText(title);
}

/** On /classes: joins with `code` (as typed) and is told the class's name. */
export async function joinClassWithCode(student: Page, code: string, className: string): Promise<void> {
  await student.getByLabel("Join code").fill(code);
  await student.getByRole("button", { name: "Join", exact: true }).click();
  await expect(student.getByTestId("join-notice")).toHaveText(`You joined ${className}.`);
}
