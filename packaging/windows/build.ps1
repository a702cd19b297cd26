# Build the Windows distributables: dist\cluster-declare\ (onedir), a zip, and the Inno Setup
# installer when iscc.exe is on PATH. Run from a checkout in PowerShell with Python 3.11 x64:
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
$ErrorActionPreference = "Stop"
$Root = Resolve-Path "$PSScriptRoot\..\.."
Set-Location $Root
if (-not (Test-Path .venv\Scripts\python.exe)) { py -3.11 -m venv .venv }
.venv\Scripts\python -m pip install --disable-pip-version-check -q -r requirements\dev.txt
.venv\Scripts\python -m pip install --disable-pip-version-check -q --no-deps --no-build-isolation -e .
.venv\Scripts\python -m PyInstaller --noconfirm --clean --log-level WARN `
    --distpath dist --workpath build\pyinstaller packaging\cluster-declare.spec
$Version = (.venv\Scripts\python -c "import core; print(core.__version__)").Trim()
Compress-Archive -Force -Path dist\cluster-declare -DestinationPath "dist\cluster-declare-$Version-windows-x64.zip"
# The console variant shows the self-test's output; the windowed one has no console.
dist\cluster-declare\cluster-declare-console.exe self-test
if ($LASTEXITCODE -ne 0) { throw "self-test failed ($LASTEXITCODE)" }
if (Get-Command iscc -ErrorAction SilentlyContinue) {
    iscc /DAppVersion=$Version packaging\windows\cluster-declare.iss
} else {
    Write-Warning "iscc.exe (Inno Setup 6) not on PATH: installer not built"
}
