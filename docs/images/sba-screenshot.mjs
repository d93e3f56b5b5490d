// Screenshot of a page in headless Chromium over the DevTools protocol, once an element is there:
// Spring Boot Admin is a single-page app with server-sent events open, so Chromium's own
// --screenshot (with or without --virtual-time-budget) fires too early or never.
//
// node --experimental-websocket sba-screenshot.mjs <debugging port> <url> <out.png> <selector> [click selector]
import { writeFileSync } from 'node:fs';

const [port, url, out, selector, click] = process.argv.slice(2);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let target;
for (let i = 0; i < 100 && !target; i++) {
  try {
    const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
    target = targets.find((candidate) => candidate.type === 'page');
  }
  catch (ex) {
    await sleep(200);
  }
}
if (!target) {
  console.error(`No Chromium page on debugging port ${port}`);
  process.exit(2);
}
const socket = new WebSocket(target.webSocketDebuggerUrl);
await new Promise((resolve) => socket.addEventListener('open', resolve));
let lastId = 0;
const replies = new Map();
socket.addEventListener('message', (event) => {
  const message = JSON.parse(event.data);
  if (message.id && replies.has(message.id)) {
    replies.get(message.id)(message.result);
    replies.delete(message.id);
  }
  if (message.method === 'Runtime.exceptionThrown') {
    console.error('page error:', message.params.exceptionDetails.text);
  }
});
const send = (method, params = {}) => new Promise((resolve) => {
  const id = ++lastId;
  replies.set(id, resolve);
  socket.send(JSON.stringify({ id, method, params }));
});
const present = async (css) =>
  (await send('Runtime.evaluate', { expression: `!!document.querySelector(${JSON.stringify(css)})` })).result.value;

await send('Runtime.enable');
await send('Page.enable');
await send('Emulation.setDeviceMetricsOverride', { width: 1400, height: 1000, deviceScaleFactor: 1, mobile: false });
await send('Page.navigate', { url });
let found = false;
for (let i = 0; i < 150 && !found; i++) {
  await sleep(200);
  found = await present(selector);
}
if (!found) {
  console.error(`No ${selector} on ${url} after 30 s`);
  process.exit(1);
}
if (click) {
  await send('Runtime.evaluate', { expression: `document.querySelector(${JSON.stringify(click)}).click()` });
}
// let the table and fonts settle
await sleep(1500);
const shot = await send('Page.captureScreenshot', { format: 'png' });
writeFileSync(out, Buffer.from(shot.data, 'base64'));
console.log(`Wrote ${out}`);
socket.close();
process.exit(0);
