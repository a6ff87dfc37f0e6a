import { readFile } from "node:fs/promises";
import { AppError } from "../domain/errors.ts";

/** Reads a JSON file named on the command line, with errors that name the file. */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error);
    throw new AppError("VALIDATION_FAILED", `file "${file}": ${reason}`, [
      { field: "file", message: reason },
    ]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = `not valid JSON (${(error as Error).message})`;
    throw new AppError("VALIDATION_FAILED", `file "${file}": ${reason}`, [
      { field: "file", message: reason },
    ]);
  }
}
