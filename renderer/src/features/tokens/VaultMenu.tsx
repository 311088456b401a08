/**
 * The "Vault" menu button: Import…, Export…, Back up…, Restore from backup…. The WAI-ARIA
 * menu button pattern: Enter/Space/↓ open on the first item, ↑ on the last; arrows, Home and
 * End move; Escape closes back to the button; Tab or a click outside closes. Choosing an item
 * puts focus back on the button before its dialog opens, so the dialog returns focus there.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useStore } from '../../store';
import type { DialogState } from '../../store/ui-slice';

type FileDialog = Extract<Exclude<DialogState, null>, { kind: 'import' | 'export' | 'backup' | 'restore' }>['kind'];

const ITEMS: readonly { kind: FileDialog; label: string }[] = [
  { kind: 'import', label: 'Import…' },
  { kind: 'export', label: 'Export…' },
  { kind: 'backup', label: 'Back up…' },
  { kind: 'restore', label: 'Restore from backup…' },
];

/** The menu button and its menu. */
export function VaultMenu() {
  const openDialog = useStore((s) => s.openDialog);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const buttonId = useId();
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!menu.current?.contains(t) && !button.current?.contains(t)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const show = (index: number) => {
    setActive(index);
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const choose = (kind: FileDialog) => {
    close();
    openDialog({ kind });
  };

  const onButtonKey = (e: React.KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') show(0);
    else if (e.key === 'ArrowUp') show(ITEMS.length - 1);
    else return;
    e.preventDefault();
  };
  const onMenuKey = (e: React.KeyboardEvent<HTMLUListElement>) => {
    const last = ITEMS.length - 1;
    if (e.key === 'ArrowDown') setActive((i) => (i === last ? 0 : i + 1));
    else if (e.key === 'ArrowUp') setActive((i) => (i === 0 ? last : i - 1));
    else if (e.key === 'Home') setActive(0);
    else if (e.key === 'End') setActive(last);
    else if (e.key === 'Escape') close();
    else if (e.key === 'Tab') {
      setOpen(false); // let Tab move on from the button's place
      return;
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div className="menu-wrap">
      <button
        ref={button}
        id={buttonId}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? setOpen(false) : show(0))}
        onKeyDown={onButtonKey}
      >
        Vault <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul ref={menu} id={menuId} role="menu" aria-labelledby={buttonId} className="menu" onKeyDown={onMenuKey}>
          {ITEMS.map((item, i) => (
            <li
              key={item.kind}
              role="menuitem"
              tabIndex={i === active ? 0 : -1}
              className="menu-item"
              onClick={() => choose(item.kind)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  choose(item.kind);
                }
              }}
            >
              {item.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
