// The delegate's document viewer: the vendored pdf.js (legacy build) draws each page on a
// canvas. No inline script (CSP); the URLs come from data attributes. A DOCX still being
// converted answers 202: try again a few seconds later.
const box = document.querySelector(".dc-pdf");
if (box) {
  const status = box.querySelector("[data-pdf-status]");
  const pdfjs = await import(box.dataset.pdfjs);
  pdfjs.GlobalWorkerOptions.workerSrc = box.dataset.pdfjsWorker;
  const fontsUrl = box.dataset.pdfjs.replace(/pdf\.min\.mjs$/, "standard_fonts/");
  async function load(attempt) {
    const response = await fetch(box.dataset.pdfUrl, { credentials: "same-origin" });
    if (response.status === 202 && attempt < 30) {
      setTimeout(() => load(attempt + 1), 3000);
      return;
    }
    if (!response.ok) {
      status.textContent = status.dataset.failed || "—";
      return;
    }
    const data = new Uint8Array(await response.arrayBuffer());
    const doc = await pdfjs.getDocument({ data, isEvalSupported: false, standardFontDataUrl: fontsUrl }).promise;
    status.remove();
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1.5 });
      const canvas = document.createElement("canvas");
      canvas.width = viewport.width;
      canvas.height = viewport.height;
      canvas.dataset.page = String(n);
      canvas.setAttribute("role", "img");
      canvas.setAttribute("aria-label", "Trang " + n);
      box.appendChild(canvas);
      await page.render({ canvasContext: canvas.getContext("2d"), viewport }).promise;
    }
    box.dataset.pages = String(doc.numPages);
  }
  load(0).catch(() => { if (status) { status.textContent = "—"; } });
}
