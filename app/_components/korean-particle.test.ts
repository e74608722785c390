import { describe, expect, it } from "vitest";
import { asInstrumental, instrumentalParticle } from "./korean-particle";

describe("instrumentalParticle", () => {
  it.each([
    ["12", "로", "이 (two): a vowel"],
    ["13", "으로", "삼 (three): ㅁ"],
    ["235,146", "으로", "육 (six): ㄱ"],
    ["21", "로", "일 (one): ㄹ takes 로"],
    ["10", "으로", "영 (zero): ㅇ"],
    ["(785, 256)", "으로", "the bracket is skipped; 육"],
    ["(1024,)", "로", "사 (four): a vowel"],
    ["참", "으로", "ㅁ"],
    ["거짓", "으로", "ㅅ"],
    ["B", "로", "비: a vowel"],
    ["M", "으로", "엠: ㅁ"],
    ["저수준", "으로", "ㄴ"],
    ["0.622", "로", "이"],
    ["", "로", "nothing to read"],
  ])("%j takes %s (%s)", (value, particle) => {
    expect(instrumentalParticle(value)).toBe(particle);
  });
});

describe("asInstrumental", () => {
  it("adds the particle in Korean only", () => {
    expect(asInstrumental("참", "ko")).toBe("참으로");
    expect(asInstrumental("B — 저수준", "ko")).toBe("B — 저수준으로");
    expect(asInstrumental("true", "en")).toBe("true");
  });
});
