import { describe, test } from "node:test";
import { bytesToString, byteStringToText, stringToBytes, textToByteString } from "../mod.ts";
import { ALL_BYTES } from "./_helpers.ts";
import { assertEquals, assertStrictEquals, assertThrows } from "./assert.ts";

describe("byte strings", () => {
  test("stringToBytes() and bytesToString() map all 256 byte values both ways", () => {
    const bytes = stringToBytes(ALL_BYTES);
    assertEquals(Array.from(bytes), Array.from({ length: 256 }, (_, i) => i));
    assertStrictEquals(bytesToString(bytes), ALL_BYTES);
  });

  test("bytesToString() reads any ArrayBufferView by its own bytes, large ones too", () => {
    const big = new Uint8Array(100_000).map((_, i) => i & 0xff);
    const s = bytesToString(big);
    assertStrictEquals(s.length, 100_000);
    assertStrictEquals(s.charCodeAt(99_999), 99_999 & 0xff);
    assertStrictEquals(bytesToString(new Uint16Array([0x4241])), "AB");
    assertStrictEquals(
      bytesToString(new DataView(new Uint8Array([1, 2, 3]).buffer, 1)),
      "\x02\x03",
    );
  });

  test("a character above \\xFF is refused with a TypeError that says how to encode text", () => {
    assertThrows(() => stringToBytes("ok\u0100"), TypeError, "index 2");
    assertThrows(() => stringToBytes("\u{1F600}"), TypeError, "TextEncoder");
  });

  test("long byte strings (the native encoder's path) convert exactly, across its 3 MiB pieces", () => {
    for (
      const n of [511, 512, 513, 3 * 1024 * 1024 - 1, 3 * 1024 * 1024 + 2, 7 * 1024 * 1024 + 1]
    ) {
      let s = ALL_BYTES.repeat(Math.ceil(n / 256)).slice(0, n);
      if (n > 1000) s = s.slice(0, n - 3) + "\xff\x00\x80"; // the last piece's edges
      const bytes = stringToBytes(s);
      assertStrictEquals(bytes.length, n);
      for (const i of [0, 1, 255, 256, n - 3, n - 2, n - 1]) {
        assertStrictEquals(bytes[i], s.charCodeAt(i), `${n} bytes, index ${i}`);
      }
      assertStrictEquals(bytesToString(bytes), s);
    }
  });

  test("a character above \\xFF is found wherever it is in a long string", () => {
    const piece = 3 * 1024 * 1024;
    for (
      const [n, at] of [[512, 0], [512, 511], [5000, 2500], [piece + 10, piece + 3], [
        piece + 10,
        piece - 1,
      ]]
    ) {
      const s = "a".repeat(at) + "\u0100" + "b".repeat(n - at - 1);
      assertThrows(() => stringToBytes(s), TypeError, `index ${at} `);
    }
  });

  test("textToByteString() and byteStringToText() convert UTF-8", () => {
    assertStrictEquals(textToByteString("é€"), "\xc3\xa9\xe2\x82\xac");
    assertStrictEquals(byteStringToText("\xc3\xa9\xe2\x82\xac"), "é€");
    assertStrictEquals(byteStringToText(new Uint8Array([0x68, 0x69])), "hi");
  });
});
