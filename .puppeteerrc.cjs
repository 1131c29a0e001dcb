// careerdeck depends on puppeteer-core, which never downloads a browser. This file keeps it
// that way should the full `puppeteer` package ever be installed beside it (npm 10 runs its
// postinstall, and a browser download fails on machines without internet).
module.exports = { skipDownload: true };
