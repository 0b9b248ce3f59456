// The AFINN baseline (npm `sentiment`) as a whole process, for
// benches/triage_real.sh: reads JSON Lines, scores each record's text, and
// writes {"id", "negative"} per line, as triage writes a verdict per line.
const fs = require('fs');
const readline = require('readline');
const Sentiment = require('sentiment');

const sentiment = new Sentiment();
const lines = readline.createInterface({
  input: fs.createReadStream(process.argv[2]),
  crlfDelay: Infinity,
});
const out = [];
lines.on('line', (line) => {
  if (!line.trim()) return;
  const record = JSON.parse(line);
  const score = sentiment.analyze(record.text || '').score;
  out.push(JSON.stringify({ id: record.id, negative: score < 0 }));
  if (out.length >= 4096) {
    process.stdout.write(out.join('\n') + '\n');
    out.length = 0;
  }
});
lines.on('close', () => {
  if (out.length) process.stdout.write(out.join('\n') + '\n');
});
