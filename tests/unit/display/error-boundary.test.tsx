import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorBoundary } from '@/components/ErrorBoundary';

function Broken(): never {
  throw new Error('Invalid time value');
}

const root = document.createElement('div');
afterEach(() => render(null, root));

describe('a part of a page that fails to draw', () => {
  it('says so in a sentence and leaves the rest of the page working', () => {
    act(() =>
      render(
        <>
          <ErrorBoundary>
            <Broken />
          </ErrorBoundary>
          <button type="button">Refresh</button>
        </>,
        root,
      ),
    );
    expect(root.textContent).toContain('Something went wrong showing this part. The rest of the page still works.');
    expect(root.querySelector('[role=alert]')).not.toBeNull();
    expect(root.querySelector('button')?.textContent).toBe('Refresh');
  });

  it('shows the part again when what it shows changes', () => {
    const page = (snapshot: string) => (
      <ErrorBoundary resetKey={snapshot}>{snapshot === 'bad' ? <Broken /> : <p>1,080</p>}</ErrorBoundary>
    );
    act(() => render(page('bad'), root));
    expect(root.textContent).toContain('Something went wrong');
    act(() => render(page('good'), root));
    expect(root.textContent).toBe('1,080');
  });
});
