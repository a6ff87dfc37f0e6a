import { Button, Stack, Text } from "@mantine/core";
import { useRef, useState } from "react";
import type { DragEvent } from "react";
import { formatBytes } from "../../lib/format.ts";

/**
 * Drop a file here, or choose one with the button (the keyboard path). One file at a time:
 * each piece of evidence is its own record with its own hash.
 */
export function FileDropZone({
  file,
  onFile,
  error,
  disabled = false,
}: {
  file: File | null;
  onFile: (file: File | null) => void;
  error?: string | null;
  disabled?: boolean;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    if (!disabled) setDragging(true);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files.item(0);
    if (!disabled && dropped !== null) onFile(dropped);
  };

  return (
    <Stack gap={4}>
      <div
        className="drop-zone"
        data-dragging={dragging}
        data-testid="evidence-drop-zone"
        onDragOver={onDragOver}
        onDragEnter={onDragOver}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Stack gap="xs" align="center">
          <Text fw={500}>{file === null ? "Drop a file here" : file.name}</Text>
          {file === null ? (
            <Text size="sm">Screenshots, PDFs, exports: any file up to the server's limit.</Text>
          ) : (
            <Text size="sm">{formatBytes(file.size)}</Text>
          )}
          <Button variant="default" disabled={disabled} onClick={() => inputRef.current?.click()}>
            {file === null ? "Choose a file" : "Choose another file"}
          </Button>
        </Stack>
        <input
          ref={inputRef}
          type="file"
          hidden
          aria-label="Evidence file"
          onChange={(event) => {
            onFile(event.currentTarget.files?.item(0) ?? null);
            event.currentTarget.value = "";
          }}
        />
      </div>
      {error === null || error === undefined ? null : (
        <Text size="sm" c="red.9" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
