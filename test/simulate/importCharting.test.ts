// Vega and Vega-Lite are optional (issue 12, item 17): without them, drawing a chart says how to install them.
import { describe, expect, it } from "vitest";
import { CompplanError } from "../../src/errors/index.js";
import { importCharting } from "../../src/simulate/importCharting.js";

const notFound = (code: string, name: string) =>
  Object.assign(
    new Error(`Cannot find package '${name}' imported from /app/node_modules/compplan/dist/index.js`),
    {
      code,
    },
  );

describe("importCharting", () => {
  it("loads vega and vega-lite when installed", async () => {
    const [vega, vegaLite] = await importCharting();
    expect(typeof vega.View).toBe("function");
    expect(typeof vegaLite.compile).toBe("function");
  });

  for (const code of ["ERR_MODULE_NOT_FOUND", "MODULE_NOT_FOUND"]) {
    it(`a missing package (${code}) is OPTIONAL_DEPENDENCY_MISSING with the install command`, async () => {
      const error = await importCharting(() => Promise.reject(notFound(code, "vega"))).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CompplanError);
      expect((error as CompplanError).code).toBe("OPTIONAL_DEPENDENCY_MISSING");
      expect((error as CompplanError).message).toContain("npm i vega vega-lite");
      expect((error as CompplanError).cause).toMatchObject({ code });
    });
  }

  it("any other failure is not disguised as a missing package", async () => {
    const boom = new SyntaxError("Unexpected token");
    await expect(importCharting(() => Promise.reject(boom))).rejects.toBe(boom);
  });
});
