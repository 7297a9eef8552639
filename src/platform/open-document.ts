// H5: a training document (signed link) opens in a new tab; the browser's viewer shows it.
export async function openDocumentUrl(url: string): Promise<void> {
  window.open(url, '_blank', 'noopener');
}
