// Imprime al final una línea «Resumen: N passed, N failed» que el CI sabe leer
// (el resumen propio de jest dice «N passed, N total»).
class ReporteroResumen {
  onRunComplete(_contextos, resultados) {
    const { numPassedTests, numFailedTests, numPendingTests } = resultados;
    const omitidas = numPendingTests ? `, ${numPendingTests} skipped` : "";
    process.stdout.write(`\nResumen: ${numPassedTests} passed, ${numFailedTests} failed${omitidas}\n`);
  }
}
module.exports = ReporteroResumen;
