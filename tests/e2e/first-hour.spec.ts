import { expect, test, type Browser, type Page } from "@playwright/test";
import { newUser, registerThroughForm, uniqueEmail } from "./helpers";

/**
 * A new student's first hour, in Korean and in English, on a phone (touch) and on a laptop
 * (keyboard): a parametric card comes within the first five new cards, a known mistake gets its own
 * feedback in the student's language, an undo brings the card back without a stray keystroke
 * grading it, and a stranger's public deck never reaches the queue unless the student adds it.
 */

type Language = "ko" | "en";
type Device = "phone" | "laptop";

const STRANGER_DECK = `stranger-${Date.now().toString(36)}`;

/** Another instructor publishes a public deck with placeholder text, as in the report that found the problem. */
async function publishStrangersDeck(browser: Browser): Promise<void> {
  const page = await newUser(browser, "Stranger", "instructor");
  const created = await page.request.post("/api/author/decks", {
    data: { id: STRANGER_DECK, title: { ko: "공개 덱", en: "Public deck" }, concepts: [{ id: "placeholder", ko: "공개", en: "Public" }] },
  });
  expect(created.status()).toBe(201);
  const { version } = (await created.json()) as { version: string };
  const cards = [
    "cards:",
    "  - id: placeholder-question",
    "    concept: placeholder",
    "    type: tf",
    "    statement: {ko: 공개 질문, en: A public question}",
    "    answer: true",
    "    explanation: {ko: 설명, en: Explanation}",
    "",
  ].join("\n");
  const saved = await page.request.post(`/api/author/decks/${STRANGER_DECK}/versions`, { data: { baseVersion: version, changes: [{ path: "cards.yaml", text: cards }] } });
  expect([200, 201]).toContain(saved.status());
  const draft = (await saved.json()) as { version: string };
  expect((await page.request.post(`/api/author/decks/${STRANGER_DECK}/versions/${draft.version}/publish`)).status()).toBe(200);
  expect((await page.request.patch(`/api/author/decks/${STRANGER_DECK}`, { data: { isPublic: true } })).status()).toBe(200);
  await page.context().close();
}

const card = (page: Page) => page.getByTestId("review-card");
const graded = (page: Page) => page.locator('[data-testid="feedback"] [data-status]');
const unreadable = (page: Page) => page.locator("#review-invalid");
const answerField = (page: Page) => page.locator("#review-answer");
const gradeButton = (page: Page, grade: number) => card(page).locator(`button[data-grade="${grade}"]`);

/** single-layer-weights-only: "p inputs, K hidden units"; the total with biases is its listed mistake. */
function weightsOnlyMistake(prompt: string): number {
  const match = /(\d+) inputs, (\d+) hidden units/.exec(prompt) ?? /입력 (\d+)개, 은닉 유닛 (\d+)개/.exec(prompt);
  if (!match) throw new Error(`not the weights-only prompt: ${prompt}`);
  const [p, k] = [Number(match[1]), Number(match[2])];
  return (p + 1) * k + (k + 1);
}

const MISTAKE_FEEDBACK: Record<Language, RegExp> = { en: /total with the biases/, ko: /편향까지 모두 센/ };

/** Grades with a key on the laptop, a tap on the phone, and waits for the next card (or the end). */
async function gradeCard(page: Page, device: Device, grade: number): Promise<void> {
  const reviewId = await card(page).getAttribute("data-review-id");
  if (device === "laptop") await page.keyboard.press(String(grade));
  else await gradeButton(page, grade).tap();
  await expect(card(page).and(page.locator(`[data-review-id="${reviewId}"]`))).toHaveCount(0);
}

/** Answers a card that is not the known-mistake one: reveal, choose, or type until readable. */
async function answerCard(page: Page, device: Device): Promise<void> {
  const reveal = page.getByTestId("reveal-answer");
  if (await reveal.isVisible()) {
    if (device === "laptop") await page.keyboard.press("Space");
    else await reveal.tap();
    // Self-graded: nothing preselected, so a stray Enter cannot rate the card.
    await expect(graded(page)).toBeVisible();
    await expect(card(page).locator("[data-suggested=true]")).toHaveCount(0);
    return;
  }
  const options = page.getByTestId("choice-option");
  if (device === "phone" && (await options.count()) > 0) {
    // A tap selects; nothing is checked until Check is tapped.
    await options.first().tap();
    await expect(options.first()).toHaveAttribute("aria-pressed", "true");
    await expect(graded(page)).toHaveCount(0);
    await page.getByTestId("check-answer").tap();
    await expect(graded(page)).toBeVisible();
    return;
  }
  if (device === "phone" && (await page.getByTestId("answer-true").isVisible())) {
    await page.getByTestId("answer-true").tap();
    await expect(graded(page)).toBeVisible();
    return;
  }
  await expect(answerField(page)).toBeFocused();
  for (const attempt of ["1", "A", "T", "(1, 1)", "[[1]]", "relu"]) {
    await answerField(page).fill("");
    await answerField(page).pressSequentially(attempt);
    if (device === "laptop") await page.keyboard.press("Enter");
    else await page.getByTestId("check-answer").tap();
    await expect(graded(page).or(unreadable(page))).toBeVisible();
    if (await graded(page).isVisible()) break;
  }
  await expect(graded(page)).toBeVisible();
}

test.beforeAll(async ({ browser }) => {
  await publishStrangersDeck(browser);
});

for (const language of ["ko", "en"] as const) {
  for (const device of ["phone", "laptop"] as const) {
    test.describe(`${language}, ${device}`, () => {
      test.use(
        device === "phone"
          ? { locale: language === "ko" ? "ko-KR" : "en-US", viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }
          : { locale: language === "ko" ? "ko-KR" : "en-US", viewport: { width: 1280, height: 800 } },
      );

      test("a new student's first five new cards: parametric early, a known mistake named, undo safe, no unchosen deck", async ({ page }) => {
        test.setTimeout(240_000);
        await registerThroughForm(page, language === "ko" ? "서연" : "Seoyeon", uniqueEmail(`first-${language}-${device}`));
        await expect(page.locator("html")).toHaveAttribute("lang", language);

        await page.goto("/review");
        await expect(card(page)).toBeVisible();
        // Key hints are for keyboards.
        if (device === "phone") await expect(page.getByTestId("shortcuts")).toBeHidden();
        else await expect(page.getByTestId("shortcuts")).toBeVisible();

        const seen: { cardId: string; itemType: string }[] = [];
        let mistakeMet = false;
        while (seen.length < 5) {
          await expect(card(page)).toBeVisible();
          const cardId = (await card(page).getAttribute("data-card-id")) ?? "";
          const itemType = (await card(page).getAttribute("data-item-type")) ?? "";
          expect(await card(page).getAttribute("data-kind")).toBe("new");
          seen.push({ cardId, itemType });
          // Nothing from a deck the student did not choose: the stranger's public deck stays out.
          expect(cardId.startsWith(`${STRANGER_DECK}/`)).toBe(false);

          if (!mistakeMet && cardId.endsWith("/single-layer-weights-only")) {
            mistakeMet = true;
            const prompt = (await page.getByTestId("prompt").textContent()) ?? "";
            await expect(answerField(page)).toBeFocused();
            await answerField(page).pressSequentially(String(weightsOnlyMistake(prompt)));
            if (device === "laptop") await page.keyboard.press("Enter");
            else await page.getByTestId("check-answer").tap();
            await expect(graded(page)).toHaveAttribute("data-status", "wrong");
            await expect(graded(page)).toContainText(MISTAKE_FEEDBACK[language]);

            await gradeCard(page, device, 2);
            // Undo (Esc, then U on the laptop; the Undo button on the phone): the card comes back
            // answered, with focus on the answer field, so typing does not grade it.
            if (device === "laptop") {
              await page.keyboard.press("Escape");
              await page.keyboard.press("u");
            } else {
              await page.getByTestId("undo").tap();
            }
            await expect(card(page)).toHaveAttribute("data-card-id", cardId);
            await expect(graded(page)).toHaveAttribute("data-status", "wrong");
            await expect(answerField(page)).toBeFocused();
            await expect(card(page).locator("button[data-grade]:focus")).toHaveCount(0);
            const reviewId = await card(page).getAttribute("data-review-id");
            await page.keyboard.type("0123");
            // Still the same card, still ungraded: no digit reached a grade button.
            await expect(card(page)).toHaveAttribute("data-review-id", reviewId ?? "");
            await expect(gradeButton(page, 0)).toBeVisible();
            // Leaving the field (Esc) gives the digit keys back to the grades.
            if (device === "laptop") await page.keyboard.press("Escape");
            await gradeCard(page, device, 2);
            continue;
          }
          await answerCard(page, device);
          await gradeCard(page, device, 4);
        }

        const parametric = seen.filter((entry) => entry.itemType === "parametric");
        expect(parametric.length, `first five new cards: ${seen.map((entry) => entry.cardId).join(", ")}`).toBeGreaterThanOrEqual(2);
        expect(mistakeMet, "the known-mistake card (single-layer-weights-only) was among the first five").toBe(true);

        // The catalogue shows the stranger's deck as not studied, with an Add button and no Review link.
        await page.goto("/decks");
        const stranger = page.locator(`[data-testid="deck-card"][data-deck-id="${STRANGER_DECK}"]`);
        await expect(stranger.getByTestId("study-add")).toBeVisible();
        await expect(page.locator(`[data-testid="deck-card"][data-deck-id="islp-ch10"]`).getByTestId("study-add")).toHaveCount(0);
      });
    });
  }
}
