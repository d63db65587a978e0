import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readInputs } from "./read-inputs.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "entente-inputs-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Embassy news</title>
<item><title>Talks in Jakarta</title><link>https://example.org/a</link><pubDate>Tue, 10 Mar 2026 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Indonesia and Viet Nam agreed to expand maritime cooperation.&lt;/p&gt;</description></item>
<item><title>Trade week</title><link>https://example.org/b</link><description>The two countries will hold a trade fair.</description></item>
</channel></rss>`;

describe("reading sources to ingest", () => {
  it("turns each feed entry into a source with its title, link and date", async () => {
    const { inputs, problems } = await readInputs([write("news.rss", RSS)]);
    expect(problems).toEqual([]);
    expect(inputs.map((i) => [i.title, i.url, i.publishedOn, i.publisher])).toEqual([
      ["Talks in Jakarta", "https://example.org/a", "2026-03-10", "Embassy news"],
      ["Trade week", "https://example.org/b", undefined, "Embassy news"],
    ]);
    expect(inputs[0]?.text).toContain("maritime cooperation");
  });

  it("reports a feed that is not XML, naming the file", async () => {
    const file = write("broken.xml", "<rss><channel><item>unclosed");
    const { inputs, problems } = await readInputs([file]);
    expect(inputs).toEqual([]);
    expect(problems[0]?.where?.file).toBe(file);
    expect(problems[0]?.message).toMatch(/not a valid XML feed|not an RSS or Atom feed/);
  });

  it("reads the source files of a directory and reports missing paths", async () => {
    const sub = path.join(dir, "articles");
    fs.mkdirSync(sub);
    fs.writeFileSync(path.join(sub, "b.txt"), "Second article.");
    fs.writeFileSync(path.join(sub, "a.md"), "# First article");
    fs.writeFileSync(path.join(sub, "notes.pdf"), "%PDF");
    const { inputs, problems } = await readInputs([sub, path.join(dir, "missing.txt")]);
    expect(inputs.map((i) => [i.name, i.format])).toEqual([
      ["a.md", "md"],
      ["b.txt", "txt"],
    ]);
    expect(problems).toEqual([{ message: "no such file", where: { file: path.join(dir, "missing.txt") } }]);
  });

  it("fetches an http URL and reports one that is unreachable", async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<p>Japan and Viet Nam signed a memorandum.</p>");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      const { inputs, problems } = await readInputs([`http://127.0.0.1:${port}/news`, "http://127.0.0.1:1/gone"]);
      expect(inputs).toHaveLength(1);
      expect(inputs[0]?.format).toBe("html");
      expect(problems[0]?.message).toMatch(/unreachable/);
    } finally {
      server.close();
    }
  });
});
