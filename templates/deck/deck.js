// Starts reveal.js for a careerdeck deck. Loaded as a file beside index.html so that the deck
// works from file:// with no network; `?print-pdf` selects reveal's print view.
/* global Reveal, RevealNotes */

// reveal.js fires pdf-ready once its print view has laid out every slide: the signal to print.
Reveal.on('pdf-ready', () => {
  exposeSlidesToPrint();
  document.documentElement.dataset.careerdeckPdfReady = 'true';
});

// Chromium tags a PDF from the accessibility tree, and reveal hides every slide but the current
// one from it (hidden, aria-hidden), so the slides PDF came out with one slide's text tagged and
// the rest outside the structure tree (issue 14). In the print view all slides are shown, so all
// are exposed; the layout wrappers and page numbers are left out of the tree.
function exposeSlidesToPrint() {
  for (const slide of document.querySelectorAll('.reveal .slides section')) {
    slide.removeAttribute('hidden');
    slide.removeAttribute('aria-hidden');
    slide.removeAttribute('inert');
  }
  // role="application" suits the live deck's keyboard handling, not a document.
  document.querySelector('.reveal')?.removeAttribute('role');
  for (const decoration of document.querySelectorAll('.slide-number, .slide-background')) decoration.setAttribute('aria-hidden', 'true');
}

// A presenter or viewer who asked their system for less motion gets no slide transitions.
const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

Reveal.initialize({
  width: 1280,
  height: 720,
  margin: 0,
  hash: true,
  center: false,
  controls: true,
  progress: true,
  slideNumber: 'c/t',
  transition: still ? 'none' : 'fade',
  backgroundTransition: still ? 'none' : 'fade',
  pdfMaxPagesPerSlide: 1,
  pdfSeparateFragments: false,
  plugins: [RevealNotes],
}).then(() => {
  document.documentElement.dataset.careerdeckReady = 'true';
});
