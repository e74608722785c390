import { describe, expect, it } from "vitest";
import { deflatedZip } from "@/lib/content/testing/zip-fixtures";
import { uploadedFiles } from "./deck-import";
import { AppError } from "@/lib/server-shared/errors";

describe("uploadedFiles", () => {
  it("answers 422 for a ZIP entry that inflates past its declared size (with the real zlib)", () => {
    const bomb = deflatedZip("demo/deck.yaml", new Uint8Array(2 * 1024 * 1024).fill(0x20), 64);
    const refusal = (() => {
      try {
        uploadedFiles(bomb);
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ status: 422, message: expect.stringMatching(/demo\/deck\.yaml: inflates to more than the 64 bytes/) });
  });

  it("still reads an honest deflated entry", () => {
    const text = "id: demo\n".repeat(100);
    expect(uploadedFiles(deflatedZip("demo/deck.yaml", new TextEncoder().encode(text)))).toEqual([{ path: "demo/deck.yaml", text }]);
  });
});
