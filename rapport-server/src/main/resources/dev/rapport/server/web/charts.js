// Two small SVG charts drawn from figures, for the outreach page: bars of rates and weekly lines. No
// charting library: two bars and two lines do not justify one's weight against the budget.
// Each chart is an image with a text alternative; the page shows the same figures in a table.
const NS = 'http://www.w3.org/2000/svg';

function s(tag, attrs = {}, ...children) {
  const node = document.createElementNS(NS, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  for (const child of children.flat(Infinity)) if (child) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

const percent = (rate) => (rate === null ? 'no answer yet' : `${Math.round(rate * 100)}%`);

/** Horizontal bars of rates from 0 to 1, one per [label, rate] (a null rate draws no bar). */
export function rateBars(label, rows) {
  const height = 34 * rows.length + 10;
  return s('svg', { viewBox: `0 0 320 ${height}`, role: 'img', 'aria-label': `${label}: `
    + rows.map(([name, rate]) => `${name} ${percent(rate)}`).join(', '), class: 'chart bars' },
  rows.map(([name, rate], i) => [
    s('text', { x: 0, y: 34 * i + 26, class: 'axis' }, name),
    s('rect', { x: 60, y: 34 * i + 10, width: 200, height: 22, class: 'track' }),
    rate === null ? null : s('rect', { x: 60, y: 34 * i + 10, width: Math.max(1, 200 * rate), height: 22, class: `bar bar-${i}` }),
    s('text', { x: 266, y: 34 * i + 26, class: 'value' }, percent(rate))]));
}

/** A line per series over the weeks, [name, values]; the x axis labels the first and the last week. */
export function weeklyLines(label, weeks, series) {
  const width = 320;
  const height = 150;
  const top = Math.max(1, ...series.flatMap(([, values]) => values));
  const x = (i) => 30 + (weeks.length === 1 ? 0 : (i * (width - 40)) / (weeks.length - 1));
  const y = (v) => height - 25 - (v * (height - 40)) / top;
  return s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart lines', 'aria-label': `${label}, `
    + `${weeks[0]} to ${weeks.at(-1)}: ` + series.map(([name, values]) => `${name} ${values.join(', ')}`).join('; ') },
  s('line', { x1: 30, y1: y(0), x2: width - 10, y2: y(0), class: 'axis-line' }),
  s('text', { x: 0, y: y(top) + 4, class: 'axis' }, String(top)), s('text', { x: 0, y: y(0) + 4, class: 'axis' }, '0'),
  s('text', { x: 30, y: height - 5, class: 'axis' }, weeks[0]),
  s('text', { x: width - 10, y: height - 5, class: 'axis', 'text-anchor': 'end' }, weeks.at(-1)),
  series.map(([, values], i) => s('polyline', { class: `line line-${i}`, fill: 'none',
    points: values.map((v, j) => `${x(j)},${y(v)}`).join(' ') })));
}

/** The legend of the lines or bars, as text beside the chart. */
export function legend(names) {
  const ul = document.createElement('ul');
  ul.className = 'legend';
  names.forEach((name, i) => {
    const li = document.createElement('li');
    li.className = `key-${i}`;
    li.textContent = name;
    ul.append(li);
  });
  return ul;
}
