/**
 * Server mode's switch (Pengaturan > Server kantor, administrator): checks the database is on a local disk,
 * makes or reuses the office certificate beside the database, listens, remembers the choice in the app
 * config (so the next start serves again) and audits turning it on and off.
 */
import { existsSync, readFileSync } from 'node:fs';
import { hostname as machineHostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { inTransaction } from '../../db/open';
import type { Dispatcher } from '../api/dispatch';
import { loadAppConfig, updateAppConfig } from '../app-config';
import type { AppDatabase } from '../app-database';
import { AppError } from '../domain/errors';
import type { Actor } from '../services/actor';
import { writeAudit } from '../services/audit';
import { CERTIFICATE_FILE_NAME, ensureOfficeCertificate, fingerprintOf } from './certificate';
import { LOOPBACK, listInterfaces, type NetworkChoice } from './network';
import { type DriveFacts, MACHINE_DRIVES, networkDriveReason } from './network-drive';
import { listenOffice, type OfficeListener } from './office-server';

export const DEFAULT_OFFICE_PORT = 5443;

export interface OfficeServerStatus {
  running: boolean;
  address: string;
  port: number;
  /** The address staff open in their browser, while running. */
  url: string | null;
  /** SHA-256 of the office certificate, once made. */
  fingerprint: string | null;
  hostname: string;
  interfaces: NetworkChoice[];
}

export interface OfficeServerControlOptions {
  database: AppDatabase;
  /** The built renderer's folder. */
  staticDir: string;
  /** The app config's folder (pengaturan.json). */
  configDir: string;
  drives?: DriveFacts;
  interfaces?: () => NetworkChoice[];
  hostname?: string;
}

export class OfficeServerControl {
  private dispatcher: Dispatcher | null = null;
  private listener: OfficeListener | null = null;
  private fingerprint: string | null = null;

  constructor(private readonly options: OfficeServerControlOptions) {}

  /** The dispatcher the server answers with (made after this control, which the dispatcher holds). */
  attach(dispatcher: Dispatcher): void {
    this.dispatcher = dispatcher;
  }

  private get hostname(): string {
    return (this.options.hostname ?? machineHostname()).toLowerCase();
  }

  private interfaces(): NetworkChoice[] {
    return (this.options.interfaces ?? listInterfaces)();
  }

  status(): OfficeServerStatus {
    const saved = loadAppConfig(this.options.configDir).officeServer;
    const address = saved?.address ?? LOOPBACK;
    const port = this.listener?.port ?? saved?.port ?? DEFAULT_OFFICE_PORT;
    return {
      running: this.listener !== null,
      address,
      port,
      url: this.listener ? `https://${address}:${port}/` : null,
      fingerprint: this.fingerprint ?? this.storedFingerprint(),
      hostname: this.hostname,
      interfaces: this.interfaces(),
    };
  }

  private storedFingerprint(): string | null {
    const file = join(dirname(resolve(this.options.database.file)), CERTIFICATE_FILE_NAME);
    return existsSync(file) ? fingerprintOf(readFileSync(file, 'utf8')) : null;
  }

  /** Turns server mode on (or moves it to another address or port), audited under `actor`. */
  async start(actor: Actor, choice: { address: string; port: number }): Promise<OfficeServerStatus> {
    await this.listen(choice);
    updateAppConfig(this.options.configDir, { officeServer: { enabled: true, ...choice } });
    const { url, fingerprint } = this.status();
    const db = this.options.database.db;
    inTransaction(db, () =>
      writeAudit(db, actor, {
        action: 'server_on',
        entity: 'settings',
        entityId: null,
        summary: `Mode server dinyalakan di ${url} (sidik jari sertifikat ${fingerprint})`,
        after: { ...choice, fingerprint },
      }),
    );
    return this.status();
  }

  async stop(actor: Actor): Promise<OfficeServerStatus> {
    const before = this.status();
    await this.closeListener();
    updateAppConfig(this.options.configDir, {
      officeServer: { enabled: false, address: before.address, port: before.port },
    });
    const db = this.options.database.db;
    inTransaction(db, () =>
      writeAudit(db, actor, {
        action: 'server_off',
        entity: 'settings',
        entityId: null,
        summary: 'Mode server dimatikan; aplikasi kembali hanya untuk komputer ini',
        before: { address: before.address, port: before.port },
      }),
    );
    return this.status();
  }

  /** At the app's start: serves again when the administrator left server mode on; a failure is only logged. */
  async resume(log: (message: string) => void = console.error): Promise<void> {
    const saved = loadAppConfig(this.options.configDir).officeServer;
    if (!saved?.enabled) return;
    try {
      await this.listen(saved);
    } catch (error) {
      log(`Mode server tidak dapat dijalankan: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async close(): Promise<void> {
    await this.closeListener();
  }

  private async closeListener(): Promise<void> {
    const listener = this.listener;
    this.listener = null;
    await listener?.close();
  }

  private async listen(choice: { address: string; port: number }): Promise<void> {
    const { database, staticDir } = this.options;
    if (!this.dispatcher) throw new Error('OfficeServerControl.attach was not called');
    const reason = networkDriveReason(database.file, this.options.drives ?? MACHINE_DRIVES);
    if (reason) throw new AppError('CONFLICT', reason);
    const chosen = this.interfaces().find((i) => i.address === choice.address);
    if (!chosen) {
      throw new AppError('INVALID_INPUT', `Alamat ${choice.address} bukan alamat jaringan komputer ini.`, {
        fields: { address: 'Pilih salah satu alamat jaringan komputer ini.' },
      });
    }
    const certificate = await ensureOfficeCertificate(dirname(resolve(database.file)), {
      addresses: [chosen.address],
      hostname: this.hostname,
    });
    await this.closeListener();
    this.listener = await listenOffice({
      dispatcher: this.dispatcher,
      staticRoot: resolve(staticDir),
      address: chosen.address,
      cidr: chosen.cidr,
      port: choice.port,
      cert: certificate.cert,
      key: certificate.key,
      hostname: this.hostname,
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        throw new AppError('CONFLICT', `Port ${choice.port} sudah dipakai program lain. Pilih port lain.`, {
          fields: { port: 'Port ini sudah dipakai.' },
        });
      }
      throw error;
    });
    this.fingerprint = certificate.fingerprint;
  }
}
