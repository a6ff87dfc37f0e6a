/**
 * A strict RFC 4180 reader, for tests that parse exported CSV back: quoted fields may hold
 * commas, doubled quotes and line breaks; records end with CRLF; anything else is an error.
 */
export function parseCsv(text: string): string[][] {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let i = 0;
  const endField = () => {
    record.push(field);
    field = "";
  };
  while (i < body.length) {
    const char = body[i];
    if (char === '"' && field === "") {
      i += 1;
      for (;;) {
        if (i >= body.length) throw new Error("unterminated quoted field");
        if (body[i] === '"') {
          if (body[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        field += body[i];
        i += 1;
      }
      const next = body[i];
      if (next !== "," && next !== "\r" && next !== undefined) {
        throw new Error(`text after a closing quote at ${i}`);
      }
      continue;
    }
    if (char === ",") {
      endField();
      i += 1;
    } else if (char === "\r") {
      if (body[i + 1] !== "\n") throw new Error(`a CR without LF at ${i}`);
      endField();
      records.push(record);
      record = [];
      i += 2;
    } else if (char === "\n" || char === '"') {
      throw new Error(`a bare ${char === "\n" ? "LF" : "quote"} at ${i}`);
    } else {
      field += char;
      i += 1;
    }
  }
  if (field !== "" || record.length > 0) throw new Error("the last record has no CRLF");
  return records;
}
