// The page the room serves for its deck to anyone without the presenter's cookie (403). Opened
// with the presenter's address (#key=..., kept for this tab by stream.js), it trades the key once
// for the deck's cookie (a token derived from the key, sent to /deck/ only) and loads the deck
// again. Once per key: a browser that keeps no cookie is not sent round in circles.
/* global careerdeckRoomKey, careerdeckRoomPost */
(() => {
  const key = careerdeckRoomKey();
  if (!key || sessionStorage.getItem('careerdeck-room:deck-tried') === key) return;
  sessionStorage.setItem('careerdeck-room:deck-tried', key);
  void careerdeckRoomPost('/api/deck', key, {}).then(
    (res) => res.status === 200 && location.reload(),
    () => undefined,
  );
})();
