import { beforeAll, describe, expect, it } from "vitest";
import { parseDeck } from "@/lib/content";
import { makeVariant, itemVersion, isTemplate } from "@/lib/questions";
import { quietTfjs } from "@/lib/model-core/tfjs";
import { unzipFiles } from "@/lib/content/import-zip";
import { addDeckEditor, createDeck, deckAccess, listAuthorDecks, removeDeckEditor, requireDeckEditor, setDeckPublic } from "./authoring";
import { cardsText, deckHeaderText, makeUser, templateText, uniqueDeckId } from "../testing/authoring-fixtures";
import { previewFile } from "./authoring-preview";
import { db } from "../platform/db";
import { exportDeck, importCardsCsv, importDeck } from "./deck-import";
import { syncContentDecks } from "./deck-store";
import { headVersion, listVersions, publishVersion, retireVersion, saveDeckVersion, versionDetail } from "./deck-versions";
import { AppError } from "@/lib/server-shared/errors";
import { testDeck } from "../testing/review-fixtures";
import type { CurrentUser } from "../accounts/users";

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof AppError) return error.status;
    throw error;
  }
}

const CONCEPTS = [
  { id: "counting", ko: "모수 세기", en: "Counting parameters" },
  { id: "facts", ko: "사실", en: "Facts" },
];

async function newDeck(owner: CurrentUser, id = uniqueDeckId()) {
  await createDeck(owner, { id, title: { ko: "저작 시험", en: "Authoring test" }, concepts: CONCEPTS });
  return id;
}

/** Saves a template (and the cards) into the deck and returns the saved version. */
async function saveTemplate(user: CurrentUser, deckId: string, itemId: string, options: Parameters<typeof templateText>[1] = {}) {
  const head = await headVersion(deckId);
  const outcome = await saveDeckVersion(user, deckId, {
    baseVersion: head?.version ?? null,
    changes: [
      { path: `templates/${itemId}.yaml`, text: templateText(itemId, options) },
      { path: "cards/facts.yaml", text: cardsText(deckId) },
    ],
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome;
}

let owner: CurrentUser;
let sharedEditor: CurrentUser;
let stranger: CurrentUser;
let student: CurrentUser;

beforeAll(async () => {
  quietTfjs();
  [owner, sharedEditor, stranger, student] = await Promise.all([makeUser("instructor", "Owner"), makeUser("instructor", "Shared"), makeUser("instructor", "Stranger"), makeUser("student", "Student")]);
});

describe("who may see and edit a deck, one rule at a time", () => {
  it("students reach nothing of authoring", async () => {
    const deckId = await newDeck(owner);
    expect(await status(listAuthorDecks(student))).toBe(403);
    expect(await status(createDeck(student, { id: uniqueDeckId(), title: { ko: "가", en: "A" }, concepts: CONCEPTS }))).toBe(403);
    expect(await status(deckAccess(student, deckId))).toBe(403);
    expect(await status(saveDeckVersion(student, deckId, { changes: [{ path: "templates/x.yaml", text: "templates: []" }] }))).toBe(403);
    expect(await status(previewFile(student, { deckId, path: "templates/x.yaml", text: "templates: []" }))).toBe(403);
    expect(await status(exportDeck(student, deckId, "zip"))).toBe(403);
  });

  it("the owner edits; an instructor the deck is shared with edits; a stranger does not see a private deck", async () => {
    const deckId = await newDeck(owner);
    expect((await deckAccess(owner, deckId)).role).toBe("owner");
    expect(await status(deckAccess(stranger, deckId))).toBe(404);
    expect(await status(requireDeckEditor(sharedEditor, deckId))).toBe(404);
    await addDeckEditor(owner, deckId, sharedEditor.email);
    expect((await deckAccess(sharedEditor, deckId)).role).toBe("editor");
    expect(await status(saveTemplate(sharedEditor, deckId, `${deckId}-t`))).toBe(200);
    await removeDeckEditor(owner, deckId, sharedEditor.id);
    expect(await status(requireDeckEditor(sharedEditor, deckId))).toBe(404);
  });

  it("a public deck is readable by other instructors but not editable", async () => {
    const deckId = await newDeck(owner);
    await setDeckPublic(owner, deckId, true);
    expect((await deckAccess(stranger, deckId)).role).toBe("reader");
    expect(await status(requireDeckEditor(stranger, deckId))).toBe(403);
    expect(await status(saveDeckVersion(stranger, deckId, { changes: [{ path: "templates/x.yaml", text: "templates: []" }] }))).toBe(403);
    expect(await status(exportDeck(stranger, deckId, "zip"))).toBe(200);
  });

  it("a content/ deck is read-only for every instructor", async () => {
    const deck = testDeck();
    await syncContentDecks([deck], { retireMissingDecks: false });
    expect((await deckAccess(owner, deck.id)).role).toBe("reader");
    const refused = await requireDeckEditor(owner, deck.id).catch((error: AppError) => error);
    expect(refused).toMatchObject({ status: 403, message: expect.stringMatching(/content\/.*git/) });
    expect(await status(publishVersion(owner, deck.id, "00000000000000"))).toBe(403);
  });

  it("only the owner shares, unshares and makes a deck public", async () => {
    const deckId = await newDeck(owner);
    await addDeckEditor(owner, deckId, sharedEditor.email);
    expect(await status(addDeckEditor(sharedEditor, deckId, stranger.email))).toBe(403);
    expect(await status(removeDeckEditor(sharedEditor, deckId, sharedEditor.id))).toBe(403);
    expect(await status(setDeckPublic(sharedEditor, deckId, true))).toBe(403);
    // A student's account and no account at all answer alike: sharing reveals neither.
    const refusal = (email: string) => addDeckEditor(owner, deckId, email).catch((error: AppError) => ({ status: error.status, message: error.message.replace(email, "<e-mail>"), fields: error.fields }));
    const forStudent = await refusal(student.email);
    expect(forStudent).toMatchObject({ status: 404 });
    expect(await refusal("nobody@example.com")).toEqual(forStudent);
  });

  it("lists decks by role: own and shared to edit, content and public to read; never a stranger's private deck", async () => {
    const mine = await newDeck(owner);
    const theirs = await newDeck(stranger);
    const shared = await newDeck(stranger);
    await addDeckEditor(stranger, shared, owner.email);
    const listing = await listAuthorDecks(owner);
    const editable = listing.editable.map((deck) => [deck.id, deck.role]);
    expect(editable).toEqual(expect.arrayContaining([[mine, "owner"], [shared, "editor"]]));
    expect([...listing.editable, ...listing.readable].map((deck) => deck.id)).not.toContain(theirs);
  });

  it("a deck id is taken once, and reserved ids are refused", async () => {
    const deckId = await newDeck(owner);
    expect(await status(createDeck(stranger, { id: deckId, title: { ko: "가", en: "A" }, concepts: CONCEPTS }))).toBe(409);
  });
});

describe("versions: save, harness, publish, retire", () => {
  it("names a version by the deck's content hash; saving the same content again is the same version", async () => {
    const deckId = await newDeck(owner);
    const first = await saveTemplate(owner, deckId, `${deckId}-t`);
    expect(first).toMatchObject({ ok: true, created: true, status: "draft", harness: { failures: 0, variantsPerTemplate: 100 }, blockers: [] });
    const head = await headVersion(deckId);
    const parsed = parseDeck(head?.files ?? []);
    expect(parsed.ok && parsed.deck.version).toBe(first.version);
    const again = await saveDeckVersion(owner, deckId, { baseVersion: first.version, changes: [{ path: "cards/facts.yaml", text: cardsText(deckId) }] });
    expect(again).toMatchObject({ ok: true, created: false, version: first.version });
    // Unchanged items reuse their harness results.
    expect(again.ok && again.harness.tested).toBe(0);
  });

  it("refuses a stale base version (409) and files that do not parse (errors at their lines)", async () => {
    const deckId = await newDeck(owner);
    const first = await saveTemplate(owner, deckId, `${deckId}-t`);
    await saveTemplate(owner, deckId, `${deckId}-t`, { pRange: "3..20" });
    expect(await status(saveDeckVersion(owner, deckId, { baseVersion: first.version, changes: [{ path: "cards/facts.yaml", text: "cards: []" }] }))).toBe(409);
    const broken = await saveDeckVersion(owner, deckId, { changes: [{ path: "templates/bad.yaml", text: templateText(`${deckId}-bad`).replace("ask: total", "ask: totl") }] });
    expect(broken.ok).toBe(false);
    if (broken.ok) return;
    expect(broken.errors[0]).toMatchObject({ file: "templates/bad.yaml", line: 15, message: expect.stringMatching(/ask is one of/) });
    const renamed = await saveDeckVersion(owner, deckId, { changes: [{ path: "deck.yaml", text: deckHeaderText("another-id") }] });
    expect(renamed).toMatchObject({ ok: false, errors: [{ file: "deck.yaml", message: expect.stringMatching(/cannot change/) }] });
    expect(await saveDeckVersion(owner, deckId, { changes: [{ path: "deck.yaml", text: null }] })).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/cannot be deleted/) }] });
  });

  it("cannot publish a template that fails the harness or has no worked solution; publishes once fixed", async () => {
    const deckId = await newDeck(owner);
    const itemId = `${deckId}-t`;
    // A formula that is right at seed 0 (so the file parses) but wrong for one value of p.
    const probe = parseDeck([
      { path: "deck.yaml", text: deckHeaderText(deckId) },
      { path: "t.yaml", text: templateText(itemId) },
    ]);
    if (!probe.ok) throw new Error("fixture");
    const p0 = Number(makeVariant(probe.deck.templates[0]!, 0).params.p);
    const wrongAt = p0 === 2 ? 3 : 2;
    const failing = await saveTemplate(owner, deckId, itemId, { formula: `(p+1)*K + (K+1)*1 + (p == ${wrongAt})` });
    expect(failing.harness.failures).toBeGreaterThan(0);
    expect(failing.blockers[0]?.message).toMatch(new RegExp(`${itemId} fails the harness`));
    expect(await publishVersion(owner, deckId, failing.version)).toMatchObject({ ok: false, blockers: [expect.objectContaining({ itemId, where: { file: `templates/${itemId}.yaml`, line: 2 } })] });

    const unexplained = await saveTemplate(owner, deckId, itemId, { solutionEn: "{{@work}}" });
    expect(unexplained.harness.failures).toBe(0);
    expect(unexplained.blockers.map((blocker) => blocker.message)).toEqual([expect.stringMatching(/solution\.en has no worked solution/)]);
    expect((await publishVersion(owner, deckId, unexplained.version)).ok).toBe(false);

    const good = await saveTemplate(owner, deckId, itemId);
    expect(await publishVersion(owner, deckId, good.version)).toEqual({ ok: true, version: good.version });
    const deck = await db.deck.findUniqueOrThrow({ where: { id: deckId } });
    expect(deck.version).toBe(good.version);
    const cards = await db.card.findMany({ where: { deckId }, orderBy: { position: "asc" } });
    expect(cards.map((card) => [card.itemId, card.retired])).toEqual([
      [itemId, false],
      [`${deckId}-relu`, false],
    ]);
    const versions = await listVersions(owner, deckId);
    expect(versions.find((version) => version.version === good.version)).toMatchObject({ status: "published", current: true });
    expect((await versionDetail(owner, deckId, good.version)).blockers).toEqual([]);
  });

  it("refuses an item id another deck uses", async () => {
    const first = await newDeck(owner);
    const second = await newDeck(owner);
    const itemId = `${first}-shared-id`;
    const saved = await saveTemplate(owner, first, itemId);
    expect((await publishVersion(owner, first, saved.version)).ok).toBe(true);
    const clash = await saveDeckVersion(owner, second, { changes: [{ path: "templates/t.yaml", text: templateText(itemId) }] });
    expect(clash.ok && clash.blockers.map((blocker) => blocker.message)).toEqual([expect.stringMatching(new RegExp(`already used by deck ${first}`))]);
  });

  it("retiring a version closes its open reviews so that they are issued afresh; graded ones stay", async () => {
    const deckId = await newDeck(owner);
    const itemId = `${deckId}-t`;
    const v1 = await saveTemplate(owner, deckId, itemId);
    await publishVersion(owner, deckId, v1.version);
    const card = await db.card.findUniqueOrThrow({ where: { id: `${deckId}/${itemId}` } });
    const issue = (kind: string, graded: boolean) =>
      db.review.create({
        data: { userId: student.id, cardId: card.id, deckId, kind, variantSeed: BigInt(1), templateVersion: card.version, variant: "{}", issuedDay: 1, ...(graded ? { gradedAt: new Date(), status: "correct" } : {}) },
      });
    const open = await issue("review", false);
    const graded = await issue("review", true);
    const exam = await issue("exam", false);

    const v2 = await saveTemplate(owner, deckId, itemId, { pRange: "3..24" });
    await publishVersion(owner, deckId, v2.version);
    // Publishing does not touch issued questions.
    expect((await db.review.findUniqueOrThrow({ where: { id: open.id } })).closedAt).toBeNull();

    const retired = await retireVersion(owner, deckId, v1.version);
    expect(retired).toEqual({ version: v1.version, current: v2.version, closedReviews: 1 });
    expect((await db.review.findUniqueOrThrow({ where: { id: open.id } })).closedAt).not.toBeNull();
    expect((await db.review.findUniqueOrThrow({ where: { id: graded.id } })).closedAt).toBeNull();
    expect((await db.review.findUniqueOrThrow({ where: { id: exam.id } })).closedAt).toBeNull();

    // Retiring the published version falls back to nothing published: its cards are retired.
    const fallback = await retireVersion(owner, deckId, v2.version);
    expect(fallback.current).toBeNull();
    expect(await db.card.count({ where: { deckId, retired: false } })).toBe(0);
    expect((await db.deck.findUniqueOrThrow({ where: { id: deckId } })).version).toBe("");
    expect((await listVersions(owner, deckId)).map((version) => version.status)).toEqual(["retired", "retired", "draft"]);
  });
});

describe("import and export", () => {
  it("an in-app deck's YAML export imports back to the same deck and version", async () => {
    const deckId = await newDeck(owner);
    const saved = await saveTemplate(owner, deckId, `${deckId}-t`);
    const zip = await exportDeck(owner, deckId, "zip");
    expect(zip.fileName).toBe(`${deckId}.zip`);
    const files = unzipFiles(zip.body as Uint8Array).map((file) => ({ path: file.path, text: new TextDecoder().decode(file.data) }));
    expect(files.map((file) => file.path)).toEqual([`${deckId}/deck.yaml`, `${deckId}/cards/facts.yaml`, `${deckId}/templates/${deckId}-t.yaml`]);
    const again = await importDeck(owner, files);
    expect(again).toEqual({ ok: true, deckId, version: saved.version, created: false, newVersion: false, failures: 0 });
    // Another instructor cannot import over it.
    expect(await status(importDeck(stranger, files))).toBe(403);
    // Under a new id it is a new deck owned by the importer.
    const copyId = uniqueDeckId("copy");
    const copy = files.map((file) => ({ path: file.path.replace(`${deckId}/`, `${copyId}/`), text: file.text.replace(`id: ${deckId}\n`, `id: ${copyId}\n`) }));
    const imported = await importDeck(stranger, copy);
    expect(imported).toMatchObject({ ok: true, deckId: copyId, created: true });
    expect((await deckAccess(stranger, copyId)).role).toBe("owner");
  });

  it("other instructors export a public deck as published, never the owner's unpublished draft", async () => {
    const deckId = await newDeck(owner);
    const itemId = `${deckId}-t`;
    const published = await saveTemplate(owner, deckId, itemId);
    await publishVersion(owner, deckId, published.version);
    await saveTemplate(owner, deckId, itemId, { pRange: "5..25" });
    await setDeckPublic(owner, deckId, true);
    const text = (zip: Awaited<ReturnType<typeof exportDeck>>) =>
      unzipFiles(zip.body as Uint8Array)
        .map((file) => new TextDecoder().decode(file.data))
        .join("\n");
    expect(text(await exportDeck(stranger, deckId, "zip"))).toContain("p: 2..20");
    expect(text(await exportDeck(owner, deckId, "zip"))).toContain("p: 5..25");
  });

  it("reports a broken deck folder at its lines", async () => {
    const deckId = uniqueDeckId();
    const outcome = await importDeck(owner, [
      { path: `${deckId}/deck.yaml`, text: deckHeaderText(deckId) },
      { path: `${deckId}/templates/t.yaml`, text: templateText(`${deckId}-t`).replace("concept: counting", "concept: nowhere") },
    ]);
    expect(outcome).toMatchObject({ ok: false, errors: [{ file: "templates/t.yaml", line: 3, message: expect.stringMatching(/unknown concept "nowhere"/) }] });
  });

  it("imports static cards from CSV into cards/imported.yaml, and refuses a sheet with a broken line", async () => {
    const deckId = await newDeck(owner);
    await saveTemplate(owner, deckId, `${deckId}-t`);
    const broken = await importCardsCsv(owner, deckId, { text: "front,back,tags\nWhat is ReLU?,max(0 z),facts\nNo back,,facts\n" });
    expect(broken).toEqual({ ok: false, errors: [{ line: 3, message: "back is empty", code: "csv.emptyCell", params: { cells: "back" } }], deckErrors: [] });
    const good = await importCardsCsv(owner, deckId, { text: "front,back,tags\nWhat is ReLU?,max(0 z),facts\nWhat is an epoch?,One pass,counting\n" });
    expect(good).toMatchObject({ ok: true, added: 2, updated: 0 });
    const again = await importCardsCsv(owner, deckId, { text: "front,back,tags\nWhat is ReLU?,\"max(0, z)\",facts\n" });
    expect(again).toMatchObject({ ok: true, added: 0, updated: 1 });
    const head = await headVersion(deckId);
    const parsed = parseDeck(head?.files ?? []);
    expect(parsed.ok && parsed.deck.cards.map((card) => card.id)).toHaveLength(3);
    expect(head?.files.find((file) => file.path === "cards/imported.yaml")?.text).toContain("max(0, z)");
  });

  it("exports CSV and Anki files with verified samples of every template", async () => {
    const deckId = await newDeck(owner);
    await saveTemplate(owner, deckId, `${deckId}-t`);
    const csv = await exportDeck(owner, deckId, "csv");
    expect(csv.contentType).toMatch(/text\/csv/);
    expect(String(csv.body).split("\r\n").filter((line) => line.startsWith(`${deckId}-t-sample-`))).toHaveLength(3);
    const anki = await exportDeck(owner, deckId, "anki", { language: "ko" });
    const lines = String(anki.body).trimEnd().split("\n");
    expect(lines[3]).toBe("#deck:DeepDrill::저작 시험");
    expect(lines).toHaveLength(5 + 3 + 1);
  });
});

describe("live preview", () => {
  it("reports an alias bomb in the edited file or in the unsaved deck.yaml at its line, without throwing", async () => {
    const deckId = await newDeck(owner);
    const bomb = ["a0: &a0 [lol]", ...Array.from({ length: 8 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(", ")}]`)].join("\n");
    const inFile = await previewFile(owner, { deckId, path: "cards/bomb.yaml", text: `cards: []\n${bomb}\n` });
    expect(inFile.errors).toEqual([expect.objectContaining({ file: "cards/bomb.yaml", line: 3, message: expect.stringMatching(/aliases \(\*name\) expand more than 100 times/) })]);
    const inHeader = await previewFile(owner, { deckId, path: "cards/ok.yaml", text: cardsText(deckId), header: `${deckHeaderText(deckId)}\n${bomb}\n` });
    expect(inHeader.errors).toContainEqual(expect.objectContaining({ file: "deck.yaml", message: expect.stringMatching(/aliases/) }));
  });

  it("shows a mistake at its line, then five verified variants in both languages once fixed", async () => {
    const deckId = await newDeck(owner);
    const itemId = `${deckId}-t`;
    const broken = templateText(itemId).replace("ask: total", "ask: totl");
    const before = await previewFile(owner, { deckId, path: "templates/t.yaml", text: broken, line: 5 });
    expect(before.errors).toEqual([expect.objectContaining({ file: "templates/t.yaml", line: 15, message: expect.stringMatching(/ask is one of/) })]);
    expect(before.variants).toEqual([]);
    const after = await previewFile(owner, { deckId, path: "templates/t.yaml", text: templateText(itemId), line: 5 });
    expect(after.errors).toEqual([]);
    expect(after.item).toMatchObject({ id: itemId, kind: "template", line: 2 });
    expect(after.variants).toHaveLength(5);
    for (const variant of after.variants) {
      expect(variant.verification).toMatchObject({ ok: true, method: "tf.sequential countParams()" });
      expect(variant.prompt.en).toMatch(/^A network has \d+ inputs/);
      expect(variant.prompt.ko).toMatch(/^입력 \d+개/);
      expect(variant.solution.en).toContain("Count the weights");
      // Typeset on the server, so the editor loads no KaTeX.
      expect(variant.promptHtml.en).toMatch(/^<p>A network has \d+ inputs/);
      expect(variant.solutionHtml.ko).toContain('class="katex"');
      expect(variant.architecture?.layers).toHaveLength(2);
    }
    expect(new Set(after.variants.map((variant) => JSON.stringify(variant.params))).size).toBe(5);
  });

  it("previews a sound template even when another one in the file is broken, and flags ids used in other files", async () => {
    const deckId = await newDeck(owner);
    await saveTemplate(owner, deckId, `${deckId}-saved`);
    const good = templateText(`${deckId}-good`);
    const bad = templateText(`${deckId}-bad`).replace("templates:\n", "").replace("ask: total", "ask: totl");
    const clash = templateText(`${deckId}-saved`).replace("templates:\n", "");
    const text = `${good}${bad}${clash}`;
    const result = await previewFile(owner, { deckId, path: "templates/many.yaml", text, line: 3 });
    expect(result.item?.id).toBe(`${deckId}-good`);
    expect(result.variants).toHaveLength(5);
    expect(result.errors.map((error) => error.message)).toEqual([expect.stringMatching(/ask is one of/), expect.stringMatching(/already used in templates\//)]);
    const card = await previewFile(owner, { deckId, path: "cards/facts.yaml", text: cardsText(deckId), line: 3 });
    expect(card.item).toMatchObject({ kind: "card" });
    expect(card.variants).toHaveLength(1);
  });
});

describe("items read back", () => {
  it("are the templates the engine makes variants of", async () => {
    const deckId = await newDeck(owner);
    const itemId = `${deckId}-t`;
    const saved = await saveTemplate(owner, deckId, itemId);
    await publishVersion(owner, deckId, saved.version);
    const card = await db.card.findUniqueOrThrow({ where: { id: `${deckId}/${itemId}` } });
    const item = JSON.parse(card.definition) as Parameters<typeof itemVersion>[0];
    expect(isTemplate(item)).toBe(true);
    expect(itemVersion(item)).toBe(card.version);
  });
});
