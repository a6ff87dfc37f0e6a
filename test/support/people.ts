/** People CSV files as an HR system exports them, for the register's tests and benchmark. */

export const PEOPLE_HEADER = "email,name,title,department,manager_email,start_date,end_date,type";

export interface CsvPerson {
  email: string;
  name: string;
  title?: string;
  department?: string;
  manager?: string;
  start?: string;
  end?: string;
  type?: "employee" | "contractor";
}

export function peopleCsv(people: readonly CsvPerson[]): string {
  const rows = people.map((p) =>
    [
      p.email,
      p.name,
      p.title ?? "Engineer",
      p.department ?? "Engineering",
      p.manager ?? "",
      p.start ?? "2024-01-15",
      p.end ?? "",
      p.type ?? "employee",
    ].join(","),
  );
  return `${[PEOPLE_HEADER, ...rows].join("\n")}\n`;
}

/**
 * A workforce of `count` people at `domain`: a head of engineering everyone reports to,
 * started long ago (so no checklists open for them), plus any extra rows.
 */
export function workforce(count: number, domain = "acme.example", extra: CsvPerson[] = []) {
  const people: CsvPerson[] = [
    {
      email: `head@${domain}`,
      name: "Hana Head",
      title: "Head of Engineering",
      start: "2020-02-03",
    },
  ];
  for (let i = 1; i < count; i += 1) {
    people.push({
      email: `person${i}@${domain}`,
      name: `Person ${i}`,
      manager: `head@${domain}`,
      start: "2023-06-01",
      type: i % 10 === 0 ? "contractor" : "employee",
    });
  }
  return [...people, ...extra];
}
