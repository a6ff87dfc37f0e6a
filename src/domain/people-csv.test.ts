import { describe, expect, it } from "vitest";
import { parseCsv, readPeopleCsv } from "./people-csv.ts";
import { addBusinessDays, namesInWords } from "./person.ts";

describe("reading the people CSV", () => {
  it("reads quoted cells with commas, quotes and line breaks, keeping each row's first line", () => {
    const rows = parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\n\nlast,row\n');
    expect(rows).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["x, y", 'say "hi"\nthere'] },
      { line: 5, cells: ["last", "row"] },
    ]);
    expect(parseCsv('a,"never closed\n')).toMatchObject({ field: "file", line: 1 });
  });

  it("takes the columns in any order, employee_id optional, and names duplicates", () => {
    const text =
      "\uFEFFtype,email,name,title,department,manager_email,start_date,end_date,employee_id\n" +
      "Contractor,Jo@Acme.example,Jo Park,,,,2026-03-02,,E-1\n" +
      "employee,jo@acme.example,Jo Again,,,,2026-03-02,,E-1\n" +
      "employee,short@acme.example\n";
    const { rows, problems } = readPeopleCsv(text);
    expect(rows.map((r) => r.person)).toEqual([
      {
        email: "jo@acme.example",
        employeeId: "E-1",
        name: "Jo Park",
        title: "",
        department: "",
        managerEmail: null,
        startDate: "2026-03-02",
        endDate: null,
        type: "contractor",
      },
    ]);
    expect(problems).toEqual([
      { line: 3, field: "email", message: "jo@acme.example is also on line 2" },
      { line: 3, field: "employee_id", message: "E-1 is also on line 2" },
      { line: 4, field: "row", message: "has 2 cells; the header has 9" },
    ]);
  });
});

describe("business days", () => {
  it("skips weekends: a Friday plus one is the Monday, and 0 is the day itself", () => {
    expect(addBusinessDays("2026-03-06", 1)).toBe("2026-03-09");
    expect(addBusinessDays("2026-03-01", 1)).toBe("2026-03-02");
    expect(addBusinessDays("2026-03-02", 5)).toBe("2026-03-09");
    expect(addBusinessDays("2026-03-07", 0)).toBe("2026-03-07");
  });

  it("names a few people and counts the rest", () => {
    expect(namesInWords(["Sam"])).toBe("Sam");
    expect(namesInWords(["Sam", "Jo"])).toBe("Sam and Jo");
    expect(namesInWords(["A", "B", "C", "D", "E"])).toBe("A, B, C and 2 more");
  });
});
