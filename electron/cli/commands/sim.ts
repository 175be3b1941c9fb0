import fs from 'node:fs';
import { AppError } from '../../../shared/contract/rpc.js';
import { z } from 'zod';
import { startSimServer } from '../../simulator/server.js';
import type { CsrOnFile } from '../../simulator/carrier.js';
import { SimCarrierRecord } from '../../../shared/porting/sim-controls.js';
import { parse, type CliCommand } from '../args.js';

export const sim: CliCommand = {
  path: ['sim'],
  summary:
    'Run the Telnyx porting simulator on 127.0.0.1 (for tests and other clients) until killed; its /_sim/* controls need the per-launch token it prints.',
  usage: 'portdesk sim [--port P] [--api-key K] [--state FILE] [--records FILE.json] [--speed N]',
  async run(argv, io) {
    const { values } = parse(
      argv,
      {
        port: { type: 'string' },
        'api-key': { type: 'string' },
        state: { type: 'string' },
        records: { type: 'string' },
        speed: { type: 'string' },
      },
      this.usage,
      false,
    );
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new AppError('BAD_INPUT', `--port must be 0-65535\nusage: ${this.usage}`);
    const speed = values.speed === undefined ? 1 : Number(values.speed);
    if (!(speed >= 0 && speed <= 100_000))
      throw new AppError('BAD_INPUT', `--speed must be a number from 0 to 100000\nusage: ${this.usage}`);
    let records: CsrOnFile[] | null = null;
    if (values.records) {
      try {
        const parsed = JSON.parse(fs.readFileSync(values.records, 'utf8')) as unknown;
        const list = Array.isArray(parsed) ? parsed : (parsed as { records?: unknown } | null)?.records;
        if (!Array.isArray(list)) throw new Error('expected an array of CSR records or {"records": [...]}');
        const checked = z.array(SimCarrierRecord).safeParse(list);
        if (!checked.success) {
          const issue = checked.error.issues[0]!;
          throw new Error(`record ${issue.path.join('.')}: ${issue.message}`);
        }
        records = checked.data;
      } catch (err) {
        throw new AppError(
          'FILE_UNREADABLE',
          `cannot read carrier records from ${values.records}: ${(err as Error).message}`,
        );
      }
    }
    let server;
    try {
      server = await startSimServer({ port, apiKey: values['api-key'] ?? null, stateFile: values.state ?? null });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new AppError(
        'BAD_INPUT',
        code === 'EADDRINUSE'
          ? `port ${port} is already in use; pick another or use --port 0`
          : `cannot start the simulator: ${(err as Error).message}`,
      );
    }
    if (records) server.sim.setCarrierRecords(records);
    if (speed !== 1) server.sim.setSpeed(speed);
    io.out(`PortDesk porting simulator ready: ${server.url}`);
    // a fresh secret per launch, on stdout only (never a command line a local user could read)
    io.out(`controls (/_sim/*): Authorization: Bearer ${server.controlToken}`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.close();
    return 0;
  },
};
