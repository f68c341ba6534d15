import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const entry = process.argv[2];
const r = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', write: false, metafile: true,
  alias: { '@': '/work/main', 'wxt/browser': 'webextension-polyfill', 'wxt/utils/storage': '@wxt-dev/storage' },
  define: { __FLUXIMAGE_API_ORIGIN__: '"https://fluximage.app"' }, jsx: 'automatic', jsxImportSource: 'preact',
  loader: { '.css': 'empty' }, inject: [], logLevel: 'error' , banner: {js: 'const defineBackground=f=>f;'} });
const out = r.outputFiles[0].contents;
console.log('total', out.length, 'gz', gzipSync(out, {level: 9}).length);
const groups = {};
for (const [file, info] of Object.entries(Object.values(r.metafile.outputs)[0].inputs)) {
  const g = file.includes('node_modules') ? file.split('node_modules/')[1].split('/').slice(0, file.includes('@') ? 2 : 1).join('/') : file.replace('/work/main/','');
  groups[g] = (groups[g] ?? 0) + info.bytesInOutput;
}
Object.entries(groups).sort((a,b)=>b[1]-a[1]).forEach(([g,b]) => console.log(String(b).padStart(7), g));
