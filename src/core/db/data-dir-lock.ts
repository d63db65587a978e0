import fs from "node:fs";
import path from "node:path";
import { AppError } from "../errors.ts";

/**
 * PGlite is single-process: two processes on one data directory would corrupt
 * it. A lock file holding the owner's pid refuses a second opener; a lock left
 * by a process that no longer runs is taken over.
 * Returns the release function.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, "entente.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        process.off("exit", release);
        fs.rmSync(lockPath, { force: true });
      };
      process.on("exit", release);
      return release;
    } catch (e) {
      if (!(e instanceof Error && "code" in e && e.code === "EEXIST")) {
        throw new AppError("config", `Cannot create lock file ${lockPath}: ${e instanceof Error ? e.message : e}`);
      }
      const owner = Number(fs.readFileSync(lockPath, "utf8").trim());
      if (Number.isInteger(owner) && owner > 0 && isRunning(owner)) {
        throw new AppError(
          "config",
          `Data directory ${dataDir} is in use by another Entente process (pid ${owner}); stop it or use another --data-dir.`,
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new AppError("config", `Cannot lock data directory ${dataDir}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e instanceof Error && "code" in e && e.code === "EPERM";
  }
}
