import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { provideFirstRead, useStored } from '@/components/use-stored';
import { type StoredValue } from '@/lib/platform/storage';
import { apiKeyItem } from '@/lib/account/key';
import { readFirst } from '@/lib/platform/first-read';
import { settingsItem } from '@/lib/alerts/settings';

const STORED_KEY = `flx_live_${'a'.repeat(40)}`;
const NEWER_KEY = `flx_live_${'b'.repeat(40)}`;

function SavedKey() {
  return <p>{useStored(apiKeyItem, null) ?? 'no key'}</p>;
}

function mount(): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  render(<SavedKey />, container);
  return container;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

afterEach(() => {
  document.body.replaceChildren();
});

describe('a page that reads storage before its first render', () => {
  it('shows the stored value in its first frame, with no default first', async () => {
    await apiKeyItem.set(STORED_KEY);
    provideFirstRead(await readFirst());
    expect(mount().textContent).toBe(STORED_KEY);
  });

  it('shows a value written between its read and its first frame', async () => {
    await apiKeyItem.set(STORED_KEY);
    const read = await readFirst();
    // Another window saves a new key before this page has rendered.
    await apiKeyItem.set(NEWER_KEY);
    provideFirstRead(read);
    const page = mount();
    await settle();
    expect(page.textContent).toBe(NEWER_KEY);
  });

  it('that names only some items still shows the others as stored, once they are read', async () => {
    await apiKeyItem.set(STORED_KEY);
    // The popup reads first only what its first frame draws; the key is not among them here.
    provideFirstRead(await readFirst([settingsItem]));
    const page = mount();
    await settle();
    expect(page.textContent).toBe(STORED_KEY);
  });

  it('shows later changes as they happen', async () => {
    await apiKeyItem.set(STORED_KEY);
    provideFirstRead(await readFirst());
    const page = mount();
    await settle();
    await fakeBrowser.storage.local.remove(['apiKey', 'apiKey$']);
    await settle();
    expect(page.textContent).toBe('no key');
  });
});

describe('a page watching a value while its first read is under way', () => {
  it('keeps a change it heard meanwhile over that older read', async () => {
    let hear!: (value: string) => void;
    let answerRead!: (value: string) => void;
    const item: StoredValue<string> = {
      get: () => new Promise((resolve) => (answerRead = resolve)),
      set: async () => undefined,
      remove: async () => undefined,
      watch: (callback) => {
        hear = callback;
        return () => undefined;
      },
    };
    function Shown() {
      return <p>{useStored(item, 'initial')}</p>;
    }
    const container = document.createElement('div');
    document.body.append(container);
    render(<Shown />, container);
    await settle();
    hear('written later');
    answerRead('read earlier');
    await settle();
    expect(container.textContent).toBe('written later');
  });
});
