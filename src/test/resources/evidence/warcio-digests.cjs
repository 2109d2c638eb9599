// Reads a WARC with Webrecorder's warcio and prints, per record, the digests it declares and the ones warcio
// recomputes from the record as it parsed it (one JSON object a line).
// Usage: node warcio-digests.cjs <path of the warcio package> <file.warc.gz>
"use strict";
const fs = require("fs");
const warcio = require(process.argv[2]);

async function main() {
  const parser = new warcio.WARCParser(fs.createReadStream(process.argv[3]), { keepHeadersCase: true });
  for await (const record of parser) {
    const declared = {
      block: record.warcBlockDigest || null,
      payload: record.warcPayloadDigest || null,
      length: record.warcContentLength,
    };
    const serializer = new warcio.WARCSerializer(record, { digest: { algo: "sha-256", prefix: "sha256:" } });
    await serializer.digestRecord({ recompute: true });
    console.log(JSON.stringify({
      type: record.warcType,
      target: record.warcTargetURI || null,
      id: record.warcHeader("WARC-Record-ID"),
      concurrentTo: record.warcHeader("WARC-Concurrent-To") || null,
      ipAddress: record.warcHeader("WARC-IP-Address") || null,
      declared,
      recomputed: {
        block: record.warcType === "warcinfo" ? null : record.warcBlockDigest,
        payload: record.warcType === "warcinfo" ? null : record.warcPayloadDigest,
        length: Number(record.warcHeaders.headers.get("Content-Length")),
      },
    }));
  }
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
