import { launchExtension, readBadge } from '../support/extension';
import { test, expect, KEY } from './fixtures';

test('in a Spanish browser the options, popup and badge speak Spanish', async ({ api }) => {
  api.reset();
  const extension = await launchExtension(process.env.E2E_EXTENSION_DIR!, { lang: 'es' });
  try {
    const options = await extension.context.newPage();
    await options.goto(extension.url('options.html'));
    await expect(options.getByRole('heading', { name: 'Ajustes de FluxImage Companion' })).toBeVisible();
    await options.getByLabel('Clave de API', { exact: true }).fill(KEY);
    await options.getByRole('button', { name: 'Guardar', exact: true }).click();
    await expect(options.getByText('Conectado: plan Pro, quedan 1080 créditos de IA.')).toBeVisible();
    await expect.poll(async () => (await readBadge(extension.context)).title).toContain('quedan 1080 créditos de IA');

    const popup = await extension.context.newPage();
    await popup.goto(extension.url('popup.html'));
    await expect(popup.getByRole('heading', { name: 'Créditos de IA restantes' })).toBeVisible();
    await expect(popup.getByText('120 de 1000 usados').first()).toBeVisible();
    await expect(popup.getByText('Compresión: disponible')).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Actualizar' })).toBeVisible();
    expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(/^es/);
  } finally {
    await extension.close();
  }
});
