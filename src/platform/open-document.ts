// H5: a document (signed link) opens in a new tab; the browser's viewer shows it. With headers (a
// function that reads the caller's token, e.g. a stamped PDF), it is fetched first and opened from
// memory, since a new tab can't send them.
export async function openDocumentUrl(url: string, headers?: Record<string, string>): Promise<void> {
  if (!headers) {
    window.open(url, '_blank', 'noopener');
    return;
  }
  // the tab is opened now, while the click still counts as the user's (pop-up blockers)
  const tab = window.open('', '_blank');
  const res = await fetch(url, { headers });
  if (!res.ok) {
    tab?.close();
    const body = await res.json().catch(() => ({})) as { message?: string };
    throw new Error(body.message ?? '文件打开失败，请稍后重试');
  }
  const link = URL.createObjectURL(await res.blob());
  if (tab) tab.location.href = link;
  else window.open(link, '_blank', 'noopener');
}
