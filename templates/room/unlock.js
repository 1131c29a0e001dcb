// The page the room serves for its deck to anyone without the presenter's cookie (403). Opened
// with the presenter's address (#key=..., kept for this tab by stream.js), it trades the key once
// for the deck's cookie (a token derived from the key, sent to /deck/ only) and loads the deck
// again. Once per key: a browser that keeps no cookie is not sent round in circles. Marked only
// once the room has given the cookie: a trade lost on the way (Wi-Fi) is tried at the next load.
/* global careerdeckRoomKey, careerdeckRoomPost */
(() => {
  const key = careerdeckRoomKey();
  const tried = 'careerdeck-room:deck-tried';
  if (!key || sessionStorage.getItem(tried) === key) return;
  void careerdeckRoomPost('/api/deck', key, {}).then(
    (res) => {
      if (res.status !== 200) return;
      sessionStorage.setItem(tried, key);
      location.reload();
    },
    () => undefined,
  );
})();
