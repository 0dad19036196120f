// `npm start`: installs and builds what is missing, then hands over to the launcher (apps/launcher).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildServer, buildWeb, checkNode, ensureDependencies, root } from './lib.mjs';

checkNode();
ensureDependencies();
buildServer();
buildWeb();

const launcher = spawn(
  process.execPath,
  ['--enable-source-maps', join(root, 'dist/server/apps/launcher/src/main.js')],
  { stdio: 'inherit', cwd: root },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => launcher.kill(signal));
launcher.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
