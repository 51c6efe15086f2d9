// Small time plots of values the page samples itself (the server keeps no history of them): a
// series per name, at most `keep` samples, drawn with uPlot (a webjar served by this server).
import uPlot from "/webjars/uplot/1.6.30/dist/uPlot.esm.js";
import { h } from "./dom.js";

const COLORS = ["#1e66f5", "#d20f39", "#40a02b", "#df8e1d", "#8839ef", "#179299", "#fe640b", "#7287fd"];

/**
 * A plot that grows as samples are added: {node, add(values)} where values maps a series name to
 * its number now. A name seen for the first time gets a series of its own.
 */
export function timePlot(id, title, unit, keep = 1800) {
  const node = h("figure", { class: "plot", id, role: "img", "aria-label": `${title}, sampled by this page` });
  const caption = h("figcaption", null, title);
  const area = h("div");
  node.append(area, caption);
  const times = [];
  const series = new Map();
  let chart = null;
  let drawn = "";

  function draw() {
    const names = [...series.keys()];
    const data = [times, ...names.map((n) => series.get(n))];
    const key = names.join("\u0000");
    if (chart && key === drawn) {
      chart.setData(data);
      return;
    }
    if (chart) chart.destroy();
    drawn = key;
    chart = new uPlot(
      {
        width: Math.max(area.clientWidth || 600, 300),
        height: 180,
        scales: { x: { time: true } },
        axes: [{}, { label: unit, size: 60 }],
        series: [{}, ...names.map((n, i) => ({ label: n, stroke: COLORS[i % COLORS.length], width: 2, spanGaps: true }))],
        legend: { live: false },
      },
      data,
      area,
    );
  }

  function add(values) {
    times.push(Date.now() / 1000);
    for (const name of Object.keys(values)) {
      // A new series has no value for the times before it was seen.
      if (!series.has(name)) series.set(name, new Array(times.length - 1).fill(null));
    }
    for (const [name, points] of series) points.push(name in values ? values[name] : null);
    if (times.length > keep) {
      times.shift();
      for (const points of series.values()) points.shift();
    }
    if (document.body.contains(node)) draw();
  }

  return { node, add };
}
