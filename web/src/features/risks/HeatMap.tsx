import { Table, Text, VisuallyHidden } from "@mantine/core";
import type { HeatMap as HeatMapCounts } from "../../api/types.ts";

const LEVELS = [1, 2, 3, 4, 5] as const;

type Band = "low" | "medium" | "high" | "critical";

/** The server's bands of a 5×5 score (domain/risk.ts), for the cells' colour and words. */
export function riskBand(score: number): Band {
  if (score <= 4) return "low";
  if (score <= 9) return "medium";
  if (score <= 16) return "high";
  return "critical";
}

// Light fills under dark text, so the count reads at full contrast whatever the band.
const BAND_FILL: Record<Band, string> = {
  low: "#dcefdc",
  medium: "#fff1c2",
  high: "#ffd6b0",
  critical: "#f6c4c4",
};

/**
 * A 5×5 heat map as a table: a row per likelihood (5 at the top), a column per impact, the
 * number of risks in each cell. The band is said in words to screen readers and shown as the
 * cell's colour, which is never the only signal.
 */
export function HeatMap({ title, map }: { title: string; map: HeatMapCounts }) {
  return (
    <Table withTableBorder withColumnBorders w="auto" aria-label={title} layout="fixed">
      <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>
        <Text fw={600} c="dark">
          {title}
        </Text>
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Likelihood ↓ / Impact →</Table.Th>
          {LEVELS.map((impact) => (
            <Table.Th key={impact} scope="col" ta="center" w={56}>
              <VisuallyHidden>Impact </VisuallyHidden>
              {impact}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {[...LEVELS].reverse().map((likelihood) => (
          <Table.Tr key={likelihood}>
            <Table.Th scope="row">
              <VisuallyHidden>Likelihood </VisuallyHidden>
              {likelihood}
            </Table.Th>
            {LEVELS.map((impact) => {
              const count = map.counts[likelihood - 1]?.[impact - 1] ?? 0;
              const band = riskBand(likelihood * impact);
              return (
                <Table.Td
                  key={impact}
                  ta="center"
                  fw={count === 0 ? 400 : 700}
                  c="dark"
                  data-band={band}
                  data-cell={`${likelihood}-${impact}`}
                  style={{ backgroundColor: BAND_FILL[band] }}
                >
                  {count}
                  <VisuallyHidden>{` ${count === 1 ? "risk" : "risks"}, ${band}`}</VisuallyHidden>
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The band legend, in words beside the colours. */
export function BandLegend() {
  return (
    <Text size="sm" c="dimmed">
      Score = likelihood × impact: 1–4 low, 5–9 medium, 10–16 high, 20–25 critical. Each cell gives
      the number of risks; its colour shows the band.
    </Text>
  );
}
