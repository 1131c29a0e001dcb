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
  for (const decoration of document.querySelectorAll('.slide-number, .slide-background'))
    decoration.setAttribute('aria-hidden', 'true');
}

// reveal's speaker view (its notes plugin writes it into an about:blank window) leaves its two
// slide previews and its layout menu without accessible names (axe: frame-title, select-name),
// draws the timer's leading zeros at 30% opacity (color-contrast) and lays the "Upcoming" label
// over the next slide's title. They are mended here; the
// previews are named as they appear, since they are added only once the window has connected.
const openWindow = window.open.bind(window);
window.open = (...args) => {
  const opened = openWindow(...args);
  // A microtask runs once the plugin has written the window's document, in the same task.
  if (opened) queueMicrotask(() => mendSpeakerView(opened.document));
  return opened;
};

function mendSpeakerView(doc) {
  const style = doc.createElement('style');
  // Still lighter than the digits that count, but legible: 7:1 on the view's white.
  // The "Upcoming" label sat over the next slide's title: it gets a line of its own above the preview.
  style.textContent =
    '.speaker-controls-time span.mute { opacity: 1; color: #595959; }' +
    '#upcoming-slide { padding-top: 42px; } #upcoming-slide .label { top: 4px; }';
  doc.head?.append(style);
  // The names in the deck's language: its labels, on the deck's <body> (src/model/catalogues/).
  const label = document.body.dataset;
  const name = () => {
    doc.querySelector('#current-slide iframe')?.setAttribute('title', label.currentSlide ?? 'Current slide');
    doc.querySelector('#upcoming-slide iframe')?.setAttribute('title', label.upcomingSlide ?? 'Upcoming slide');
    doc.querySelector('.speaker-layout-dropdown')?.setAttribute('aria-label', label.speakerLayout ?? 'Layout');
  };
  name();
  // Only added elements are watched, so naming them does not call this again.
  new doc.defaultView.MutationObserver(name).observe(doc.documentElement, { childList: true, subtree: true });
}

// A presenter or viewer who asked their system for less motion gets no slide transitions.
const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

// A phone held upright gets the deck as a page to read (reading.css): a 1280 px slide scaled to
// its width would set the body text at 7 px. A phone is a touch screen under 600 CSS px wide; a
// narrow window on a computer keeps the slides (the room's presenter page runs on reveal.js). Not
// in reveal's print view, not inside another page (the speaker view's previews), and not when the
// address asks for the slides (`?slides`). Turned the other way, the page loads again as the other.
const asked = new URLSearchParams(location.search);
const uprightPhone = window.matchMedia('(max-width: 600px) and (orientation: portrait) and (pointer: coarse)');
const canRead = window.self === window.top && !['print-pdf', 'receiver', 'slides'].some((name) => asked.has(name));
const reading = canRead && uprightPhone.matches;
if (canRead) uprightPhone.addEventListener('change', () => location.reload());

if (reading) startReading();
else startSlides();

function startReading() {
  document.documentElement.classList.add('reading');
  // A table wider than the phone scrolls inside itself: it takes the keyboard's focus so that it
  // can be scrolled without a touch screen too. Measured, and the page placed, once the fonts
  // have set the text.
  void document.fonts.ready.then(() => {
    for (const table of document.querySelectorAll('.reveal .slides table'))
      if (table.scrollWidth > table.clientWidth) table.tabIndex = 0;
    // An address to a slide (`#/4`, as reveal writes it) opens the page at that slide.
    const at = /^#\/(\d+)/.exec(location.hash);
    const slide = at ? document.querySelectorAll('.reveal .slides > section')[Number(at[1])] : undefined;
    slide?.scrollIntoView();
    document.documentElement.dataset.careerdeckReady = 'true';
  });
}

function startSlides() {
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
    // Right to left (the template's <html dir>, from the deck's language or `dir:`): the next
    // slide comes from the left, the arrows and the progress bar turn round.
    rtl: document.documentElement.dir === 'rtl',
    pdfMaxPagesPerSlide: 1,
    pdfSeparateFragments: false,
    plugins: [RevealNotes],
  }).then(() => {
    // An address to a slide (`#/4`, as reveal writes it) opens the page at that slide.
    const at = /^#\/(\d+)/.exec(location.hash);
    const slide = at ? document.querySelectorAll('.reveal .slides > section')[Number(at[1])] : undefined;
    slide?.scrollIntoView();
    document.documentElement.dataset.careerdeckReady = 'true';
  });
}
