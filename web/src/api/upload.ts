/**
 * File uploads go through XMLHttpRequest, not fetch: only XHR reports upload progress.
 * The metadata field comes before the file so the server can check it before storing bytes.
 */
import { ApiError, csrfHeaders, notifyUnauthenticated, toProblem } from "./client.ts";

export interface UploadHandle<T> {
  done: Promise<T>;
  abort: () => void;
}

export function uploadMultipart<T>(
  url: string,
  metadata: unknown,
  file: File,
  onProgress: (fraction: number) => void,
): UploadHandle<T> {
  const xhr = new XMLHttpRequest();
  const done = new Promise<T>((resolve, reject) => {
    const form = new FormData();
    form.append("metadata", JSON.stringify(metadata));
    form.append("file", file, file.name);
    xhr.open("POST", url);
    xhr.withCredentials = false;
    xhr.setRequestHeader("accept", "application/json");
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve((xhr.responseText === "" ? undefined : JSON.parse(xhr.responseText)) as T);
        return;
      }
      if (xhr.status === 401) notifyUnauthenticated();
      reject(
        new ApiError(
          toProblem(
            xhr.status,
            xhr.statusText,
            xhr.responseText,
            xhr.getResponseHeader("x-request-id") ?? "",
          ),
        ),
      );
    };
    xhr.onerror = () => reject(new ApiError(toProblem(0, "", "")));
    xhr.onabort = () => reject(new DOMException("Upload cancelled", "AbortError"));
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
