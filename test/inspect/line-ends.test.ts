import { describe, expect, it } from "vitest";
import { countLineEnds, lineEndsOf } from "../../src/inspect/line-ends.js";
import { workspace } from "../helpers.js";

async function endsOf(content: string) {
  const ws = await workspace({ "f.csv": content });
  return countLineEnds(ws.path("f.csv"), false);
}

describe("line ends, which the CSV parser hides", () => {
  it("counts CRLF, LF and a lone CR, and calls a file with more than one kind mixed", async () => {
    const count = await endsOf("a,b\r\n1,2\n3,4\r5,6\r\n");
    expect(count).toEqual({ bom: false, crlf: 2, lf: 1, cr: 1 });
    expect(lineEndsOf(count)).toBe("mixed");
  });

  it("sees the byte-order mark, and a file of one kind as that kind", async () => {
    const count = await endsOf("\uFEFFa,b\r\n1,2\r\n");
    expect(count).toEqual({ bom: true, crlf: 2, lf: 0, cr: 0 });
    expect(lineEndsOf(count)).toBe("CRLF");
    expect(lineEndsOf(await endsOf("a,b"))).toBe("none");
  });
});
