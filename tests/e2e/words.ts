// What the popup's state-specific actions say, in each language the tests run in.

export const WORDS = {
  en: {
    updateKey: 'Update your key',
    refresh: 'Refresh',
    settings: 'Settings',
    dashboard: 'FluxImage dashboard',
    keyField: 'API key',
    replaceKeyField: (name: string) => `New API key for ${name}`,
    /** The default name of `KEY`'s account while it is rejected: its numbers are gone, so its plan is not known. */
    rejectedKeyAccount: 'Account ··b2c1',
    save: 'Save',
    connected: /^Connected:/,
    rejectedReason:
      'FluxImage rejected the saved key. Paste the current one from your dashboard (Settings → API Key) and save it.',
    packs: ['Small pack', 'Medium pack', 'Large pack'],
    figures: 'Monthly AI credits',
    usedUp: 'Compressions for this period are used up.',
    plans: 'See your plan and billing in the dashboard',
    lastTried: (last: string) => `Last tried ${last}`,
    nextTry: (next: string) => `next try ${next}`,
  },
  es: {
    updateKey: 'Cambiar la clave',
    refresh: 'Actualizar',
    settings: 'Ajustes',
    dashboard: 'Panel de FluxImage',
    keyField: 'Clave de API',
    replaceKeyField: (name: string) => `Nueva clave de API para ${name}`,
    rejectedKeyAccount: 'Cuenta ··b2c1',
    save: 'Guardar',
    connected: /^Conectado:/,
    rejectedReason:
      'FluxImage rechazó la clave guardada. Pega la actual desde tu panel (Ajustes → Clave de API) y guárdala.',
    packs: ['Paquete pequeño', 'Paquete mediano', 'Paquete grande'],
    figures: 'Créditos de IA mensuales',
    usedUp: 'Se han agotado las compresiones de este periodo.',
    plans: 'Ver tu plan y la facturación en el panel',
    lastTried: (last: string) => `Último intento: ${last}`,
    nextTry: (next: string) => `próximo: ${next}`,
  },
} as const;

/** Hours and minutes as the popup's locale writes them (12-hour in English). */
export function clock(at: number, lang: Lang): string {
  const time = new Date(at);
  const minutes = String(time.getMinutes()).padStart(2, '0');
  return lang === 'en' ? `${time.getHours() % 12 || 12}:${minutes}` : `${time.getHours()}:${minutes}`;
}

export type Lang = keyof typeof WORDS;

export type PollStatus = { kind: string; checkedAt: number; nextAt: number | null };
