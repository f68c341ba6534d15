import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

export const ICON_SIZES = [16, 32, 48, 128] as const;

/** Renders scripts/icon.svg to one PNG per size; returns their paths. */
export async function renderIcons(outDir: string): Promise<Record<number, string>> {
  const svg = await readFile(new URL('./icon.svg', import.meta.url), 'utf8');
  await mkdir(outDir, { recursive: true });
  const paths: Record<number, string> = {};
  for (const size of ICON_SIZES) {
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
    const path = join(outDir, `${size}.png`);
    await writeFile(path, png);
    paths[size] = path;
  }
  return paths;
}
