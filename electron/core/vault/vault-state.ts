/**
 * The decrypted overview of every record, loaded at unlock and whenever another process
 * has committed since. Loading verifies each envelope and the manifest, so what is in
 * memory is exactly what was written — or loading fails with VAULT_DAMAGED.
 */
import { AppError } from '../../../shared/errors';
import type { VaultRepo } from '../db/vault-repo';
import { envelopeTag, open } from './crypto/aead';
import type { VaultKeys } from './crypto/keys';
import { EnvelopeFormatError, EnvelopeKind, TAG_BYTES } from './format/envelope';
import { parseHeader } from './format/header';
import { computeManifest, EMPTY_AUDIT_HEAD, manifestsEqual, type AuditHead } from './manifest';
import { itemOverview, decodeJson, type AccountOverviewData, type TokenOverviewData } from './record-codec';
import { ID_BYTES } from './ids';

/** One record as held in memory, with the tags the manifest binds. */
export interface Rec<T> {
  readonly id: string;
  data: T;
  overviewTag: Buffer;
  secretTag: Buffer;
}

/** Everything an unlocked vault knows without opening secrets. */
export interface VaultState {
  dataVersion: number;
  readonly accounts: Map<string, Rec<AccountOverviewData>>;
  readonly tokens: Map<string, Rec<TokenOverviewData>>;
  auditHead: AuditHead;
}

/** Raised for any record that fails a check. The message never names record content. */
export function damaged(detail: string): AppError {
  return new AppError('VAULT_DAMAGED', `The vault file is damaged (${detail}). Restore it from a backup.`);
}

/** Associated-data context of an overview: id and the plaintext expiry it must agree with. */
export function overviewContext(id: Buffer, expiresAt: string | null): Buffer {
  return Buffer.concat([id, Buffer.from([expiresAt === null ? 0 : 1]), Buffer.from(expiresAt ?? '', 'utf8')]);
}

/** Loads and verifies all overviews. Call inside a transaction for a consistent snapshot. */
export function loadState(repo: VaultRepo, keys: VaultKeys, vaultId: Buffer): VaultState {
  const header = parseHeader(repo.header());
  if (!header.vaultId.equals(vaultId)) throw damaged('vault id changed');
  const rows = repo.overviews();
  const headRow = repo.auditHead();
  const accounts = new Map<string, Rec<AccountOverviewData>>();
  const tokens = new Map<string, Rec<TokenOverviewData>>();
  const tags = [];
  for (const row of rows) {
    if (!Buffer.isBuffer(row.id) || row.id.length !== ID_BYTES) throw damaged('record id');
    if (!Buffer.isBuffer(row.overview) || !Buffer.isBuffer(row.secret_tag) || row.secret_tag.length !== TAG_BYTES) {
      throw damaged('record layout');
    }
    if (row.expires_at !== null && typeof row.expires_at !== 'string') throw damaged('expiry column');
    let plain: Buffer | null;
    try {
      plain = open(keys.recordKey, vaultId, EnvelopeKind.Overview, overviewContext(row.id, row.expires_at), row.overview);
    } catch (e) {
      if (e instanceof EnvelopeFormatError) throw damaged('record envelope');
      throw e;
    }
    if (plain === null) throw damaged('record authentication');
    const data = decodeJson(itemOverview, plain);
    if (data === null) throw damaged('record content');
    const id = row.id.toString('hex');
    if (accounts.has(id) || tokens.has(id)) throw damaged('duplicate record');
    const rec = { id, overviewTag: envelopeTag(row.overview), secretTag: row.secret_tag };
    if (data.kind === 'account') accounts.set(id, { ...rec, data });
    else {
      if ((data.expiresAt ?? null) !== row.expires_at) throw damaged('expiry mismatch');
      tokens.set(id, { ...rec, data });
    }
    tags.push({ id: row.id, overview_tag: rec.overviewTag, secret_tag: rec.secretTag });
  }
  for (const t of tokens.values()) if (!accounts.has(t.data.accountId)) throw damaged('token without account');
  let auditHead = EMPTY_AUDIT_HEAD;
  if (headRow) {
    if (!Number.isSafeInteger(headRow.seq) || !Buffer.isBuffer(headRow.entry) || headRow.entry.length < TAG_BYTES) {
      throw damaged('audit log');
    }
    auditHead = { seq: headRow.seq, tag: envelopeTag(headRow.entry) };
  }
  const manifest = computeManifest(keys.manifestKey, vaultId, header.format, tags, auditHead);
  if (!manifestsEqual(manifest, header.manifest)) throw damaged('record set does not match its manifest');
  return { dataVersion: repo.dataVersion(), accounts, tokens, auditHead };
}
