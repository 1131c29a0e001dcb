// Starts reveal.js for a careerdeck deck. Loaded as a file beside index.html so that the deck
// works from file:// with no network; `?print-pdf` selects reveal's print view.
/* global Reveal, RevealNotes */

// reveal.js fires pdf-ready once its print view has laid out every slide: the signal to print.
Reveal.on('pdf-ready', () => {
  document.documentElement.dataset.careerdeckPdfReady = 'true';
});

Reveal.initialize({
  width: 1280,
  height: 720,
  margin: 0,
  hash: true,
  center: false,
  controls: true,
  progress: true,
  slideNumber: 'c/t',
  transition: 'fade',
  pdfMaxPagesPerSlide: 1,
  pdfSeparateFragments: false,
  plugins: [RevealNotes],
}).then(() => {
  document.documentElement.dataset.careerdeckReady = 'true';
});
