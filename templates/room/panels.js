// The live poll's result and the questions as the presenter sees them: drawn the same on the
// remote and in reveal's speaker view (another window's document, hence `doc`). Attendees' text
// is set as text, never parsed as HTML.
/* global careerdeckRoomText */
window.careerdeckRoomPanels = {
  /** The poll's options with their counts and bars into `list` (an <ol>). */
  poll(doc, list, poll, result) {
    const t = careerdeckRoomText;
    list.replaceChildren(
      ...poll.options.map((label, i) => {
        const item = doc.createElement('li');
        const n = result?.counts[i] ?? 0;
        // The option is the author's text, maybe in another direction than the labels: isolated.
        const text = doc.createElement('span');
        const name = doc.createElement('bdi');
        name.textContent = label;
        text.append(name, `: ${t('votes', { count: n })}`);
        const bar = doc.createElement('progress');
        bar.max = Math.max(1, result?.total ?? 0);
        bar.value = n;
        // The bar repeats the count in the text beside it.
        bar.setAttribute('aria-hidden', 'true');
        item.append(text, bar);
        return item;
      }),
    );
  },

  /**
   * The questions into `list` (an <ol>), most upvoted first, each with its buttons: marked
   * answered or not, hidden from the audience or shown. `command` sends the presenter's choice.
   */
  questions(doc, list, questions, command) {
    const t = careerdeckRoomText;
    const sorted = [...questions].sort((a, b) => b.upvotes - a.upvotes || a.id - b.id);
    if (sorted.length === 0) {
      const none = doc.createElement('li');
      none.className = 'room-none';
      none.textContent = t('noQuestions');
      return list.replaceChildren(none);
    }
    list.replaceChildren(
      ...sorted.map((q) => {
        const item = doc.createElement('li');
        item.className = [q.answered ? 'room-answered' : '', q.hidden ? 'room-hidden' : ''].join(' ').trim();
        const text = doc.createElement('p');
        text.className = 'room-q-text';
        // An attendee writes in any script: the question takes its own direction, the count follows.
        const words = doc.createElement('bdi');
        words.textContent = q.text;
        text.append(words, ` (${q.upvotes})`);
        const tags = [q.answered ? t('answered') : '', q.hidden ? t('hidden') : ''].filter(Boolean);
        if (tags.length > 0) {
          const tag = doc.createElement('span');
          tag.className = 'room-tag';
          tag.textContent = tags.join(', ');
          text.append(' ', tag);
        }
        const button = (label, change) => {
          const b = doc.createElement('button');
          b.type = 'button';
          b.textContent = label;
          b.addEventListener('click', () => void command({ action: 'mark', id: q.id, ...change }));
          return b;
        };
        item.append(
          text,
          button(q.answered ? t('markUnanswered') : t('markAnswered'), { answered: !q.answered }),
          button(q.hidden ? t('show') : t('hide'), { hidden: !q.hidden }),
        );
        return item;
      }),
    );
  },
};
