; Inno Setup script for 集群申报助手 (Windows). Build the frozen program first
; (packaging\windows\build.ps1), then: iscc packaging\windows\cluster-declare.iss
; Not built or tested on the Linux development machines: see docs\packaging.md.
#define AppName "集群申报助手"
#define AppId "cluster-declare"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define Dist "..\..\dist\cluster-declare"

[Setup]
AppId={{6F1C2A34-3B7E-4C58-9D21-7A0E5C3B9F12}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher={#AppName}
DefaultDirName={autopf}\cluster-declare
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user install without administrator rights when IT allows it; per-machine otherwise.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=cluster-declare-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\cluster-declare.ico
UninstallDisplayIcon={app}\cluster-declare.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
LicenseFile=..\..\resources\fonts\OFL.txt

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#Dist}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\cluster-declare.exe"
Name: "{group}\{#AppName}（自检）"; Filename: "{app}\cluster-declare-console.exe"; Parameters: "self-test"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\cluster-declare.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\cluster-declare.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; The user's data (%LOCALAPPDATA%\cluster-declare) is deliberately not removed on uninstall.
