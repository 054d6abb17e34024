// A seeded generator of vetted/1 data files: companies with names in Latin, Cyrillic,
// Romanian and CJK, checks, incidents with every event type, and pins.
// usage: node bench/generate.mjs COMPANIES OUT.json [SEED]

import { writeFileSync } from 'node:fs';

/** mulberry32: a small, fast, seeded generator. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LATIN = ['Acme', 'Global', 'Prime', 'Nova', 'Swift', 'Blue', 'Green', 'Star', 'Metro', 'Urban', 'Alpha', 'Delta', 'North', 'Bright', 'Rapid'];
const LATIN2 = ['Telecom', 'Shop', 'Hosting', 'Airlines', 'Bank', 'Market', 'Delivery', 'Electronics', 'Books', 'Insurance', 'Energy', 'Motors'];
const CYR = ['Волга', 'Сибирь', 'Север', 'Урал', 'Дон', 'Нева', 'Байкал', 'Кама', 'Ока', 'Алтай'];
const CYR2 = ['телеком', 'маркет', 'банк', 'хостинг', 'доставка', 'книги', 'связь', 'техника'];
const RO = ['Țara', 'Științe', 'Cărți', 'Grădina', 'Piața', 'Mașini', 'Școala', 'Fântâna'];
const RO2 = ['Comerț', 'Servicii', 'Livrări', 'Telecomunicații', 'Bănci'];
const CJK = ['東京', '北京', '上海', '大阪', '香港', '京都', '深圳'];
const CJK2 = ['電信', '商店', '銀行', '物流', '書店', '電器'];

const pick = (r, xs) => xs[Math.floor(r() * xs.length)];
const pad = (n) => String(n).padStart(2, '0');

function when(ms) {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

function companyName(r, i) {
  const script = i % 4;
  if (script === 0) return `${pick(r, LATIN)} ${pick(r, LATIN2)} ${i}`;
  if (script === 1) return `${pick(r, CYR)}${pick(r, CYR2)} ${i}`;
  if (script === 2) return `${pick(r, RO)} ${pick(r, RO2)} ${i}`;
  return `${pick(r, CJK)}${pick(r, CJK2)} ${i}`;
}

const GENERAL = {
  'who-helps': ['named-person', 'live-support', 'tickets-only', 'bot-only', 'nobody', 'unknown'],
  'who-repairs': ['they-come', 'ship-free', 'bring-in', 'not-covered', 'not-applicable', 'unknown'],
  'who-to-ask': ['human-help', 'docs-only', 'nobody', 'unknown'],
  returns: ['free-return', 'paid-return', 'exchange-only', 'no-returns', 'not-applicable', 'unknown'],
  cancel: ['self-service', 'by-request', 'with-penalty', 'in-person-only', 'cannot', 'not-applicable', 'unknown'],
  'after-leaving': ['keep-everything', 'partial', 'nothing', 'not-applicable', 'unknown'],
  'lost-parcel': ['seller-replaces', 'claim-carrier', 'buyer-pays', 'not-applicable', 'unknown'],
  'reach-human': ['minutes', 'within-hour', 'within-day', 'never', 'unknown'],
  compensation: ['automatic', 'on-request', 'paperwork', 'never', 'not-applicable', 'unknown'],
};

const LEVELS = ['frontline', 'frontline', 'frontline', 'supervisor', 'supervisor', 'quality', 'management', 'regulator'];

function events(r, openedMs) {
  const out = [];
  let t = openedMs + 5 * 60_000;
  const step = () => (t += Math.floor(r() * 36) * 3_600_000 + 60_000);
  const n = 2 + Math.floor(r() * 7); // 2..8, ~5 on average
  for (let k = 0; k < n; k++) {
    const x = r();
    const at = when(step());
    if (x < 0.35) {
      const human = r() < 0.7;
      out.push({ at, type: 'contact', channel: pick(r, ['phone', 'chat', 'email', 'app', 'web']), reached_human: human, wait_minutes: Math.floor(r() * 60), robot: r() < 0.3, ...(r() < 0.2 ? { dropped: true } : {}), ...(r() < 0.3 ? { note: 'operator said to wait' } : {}) });
    } else if (x < 0.55) {
      out.push({ at, type: 'promise', text: pick(r, ['fixed within 24 hours', 'a call back', 'refund in 3 days', 'technician tomorrow']), due: when(t + Math.floor(r() * 72) * 3_600_000), ...(r() < 0.15 ? { kept: r() < 0.5 } : {}) });
    } else if (x < 0.65) {
      out.push({ at, type: 'escalation', level: pick(r, LEVELS.slice(3)) });
    } else if (x < 0.72) {
      out.push({ at, type: pick(r, ['apology', 'explanation']), level: pick(r, LEVELS) });
    } else if (x < 0.8) {
      out.push({ at, type: 'compensation', amount: Math.floor(r() * 500), currency: pick(r, ['EUR', 'RUB', 'RON', 'USD']), kind: pick(r, ['refund', 'credit', 'replacement', 'repair', 'other']), proactive: r() < 0.3, effort: pick(r, ['none', 'asked', 'paperwork', 'in-person', 'legal']) });
    } else if (x < 0.86) {
      out.push({ at, type: 'refusal', level: pick(r, LEVELS), policy: r() < 0.3, text: 'not covered' });
    } else {
      out.push({ at, type: 'note', text: `note ${k}` });
    }
  }
  if (r() < 0.7) out.push({ at: when(step()), type: 'resolution', outcome: pick(r, ['resolved', 'resolved', 'partial', 'unresolved', 'abandoned']) });
  return out;
}

/** A data file with `companies` companies, ~1.4 incidents and ~8 events per incident each. */
export function generate(companies, seed = 1) {
  const r = rng(seed);
  const doc = { format: 'vetted/1', source: `generated, seed ${seed}`, companies: [], checks: [], incidents: [], pins: [] };
  const base = Date.UTC(2015, 0, 1);
  for (let i = 0; i < companies; i++) {
    const name = companyName(r, i);
    const c = { name };
    if (r() < 0.2) c.aliases = [`${name} Ltd`];
    if (r() < 0.3) c.category = pick(r, ['internet provider', 'marketplace', 'bank', 'airline', 'hosting']);
    if (i > 10 && r() < 0.05) c.parent = doc.companies[Math.floor(r() * (i - 1))].name;
    doc.companies.push(c);
    if (r() < 0.3) {
      const answers = Object.fromEntries(Object.entries(GENERAL).map(([q, vs]) => [q, pick(r, vs)]));
      doc.checks.push({ company: name, checklist: 'general', at: when(base + Math.floor(r() * 3000) * 86_400_000).slice(0, 10), answers });
    }
    const x = r();
    const nIncidents = x < 0.45 ? 1 : x < 0.85 ? 2 : x < 0.9 ? 3 : 0; // ~1.4 on average
    for (let k = 0; k < nIncidents; k++) {
      const opened = base + Math.floor(r() * 3600) * 86_400_000 + Math.floor(r() * 86_400) * 1000;
      doc.incidents.push({
        id: `gen-${i}-${k}`,
        company: name,
        title: pick(r, ['Internet down', 'Parcel lost', 'Refund refused', 'Double charge', 'Broken on arrival', 'Chat never answers']),
        opened: when(opened),
        fault: pick(r, ['company', 'company', 'unknown', 'third-party', 'customer']),
        events: events(r, opened),
      });
    }
    if (r() < 0.01) doc.pins.push({ company: name, list: r() < 0.5 ? 'black' : 'white', reason: 'decided by hand', at: '2024-01-01' });
  }
  return doc;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [n, out, seed] = process.argv.slice(2);
  if (!n || !out) {
    console.error('usage: node bench/generate.mjs COMPANIES OUT.json [SEED]');
    process.exit(2);
  }
  const doc = generate(Number(n), Number(seed ?? 1));
  writeFileSync(out, JSON.stringify(doc));
  const events = doc.incidents.reduce((s, i) => s + i.events.length, 0);
  console.error(`${out}: ${doc.companies.length} companies, ${doc.checks.length} checks, ${doc.incidents.length} incidents, ${events} events, ${doc.pins.length} pins`);
}
