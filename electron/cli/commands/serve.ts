import path from 'node:path';
import { defaultDataDir } from '../../core/context.js';
import { openCore } from '../../core/index.js';
import { hostDispatch, simulatorStateFile, startHostSimulator } from '../../simulator/host.js';
import { RENDERER_DIR } from '../../core/paths.js';
import { startLoopbackHost } from '../../host/server.js';
import { AppError } from '../../../shared/contract/rpc.js';
import { dataDirOption, parse, type CliCommand } from '../args.js';

export const serve: CliCommand = {
  path: ['serve'],
  summary: 'Run the loopback host (127.0.0.1) and print the single-use sign-in link to open.',
  usage: 'portdesk serve [--data-dir D] [--port P]',
  async run(argv, io) {
    const { values } = parse(argv, { ...dataDirOption, port: { type: 'string' } }, this.usage, false);
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new AppError('BAD_INPUT', `--port must be 0-65535\nusage: ${this.usage}`);
    const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
    // the porting simulator stands in for Telnyx while no API key is set; the core knows only its URL
    const sim = await startHostSimulator({ stateFile: simulatorStateFile(dataDir) });
    let core;
    try {
      core = openCore({ dataDir, hostKind: 'loopback', porting: { simulator: sim.endpoint } });
      sim.attach(core);
      core.startBackground();
    } catch (err) {
      await core?.close();
      await sim.close();
      throw err;
    }
    const host = await startLoopbackHost({ core, dispatch: hostDispatch(core, sim), staticDir: RENDERER_DIR, port });
    // Handlers first: a script that stops us right after the ready line must not find us deaf.
    const stopped = new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    core.announce({ url: new URL(host.url).origin + '/' }); // a second `serve` on this folder says where we are (never the token)
    io.out(`PortDesk ready: ${host.url}`);
    io.out('(that link signs in one browser, once; restart PortDesk for a new one)');
    io.out(`data: ${core.ctx.dataDir}`);
    await stopped;
    await host.close();
    await core.close();
    await sim.close();
    return 0;
  },
};
