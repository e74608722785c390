/**
 * MurmurHash3's 32-bit finaliser, fmix32 (Austin Appleby, MurmurHash3.cpp): a bijection on 32 bits
 * in which one flipped input bit flips each output bit with probability about ½. It turns
 * neighbouring seeds (exam 1, 2, 3 …; student 0, 1, 2 …; weight draw 0, 1, 2 …) into unrelated
 * ones: pure-rand's generators started from neighbouring seeds give correlated first outputs.
 * Returns an unsigned 32-bit integer.
 */
export function fmix32(value: number): number {
  let z = value >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}
