"""The Quetta Chronicle - fictional Quetta-based daily, Balochistan focus."""
from . import BA, BLA, BLF, BRA, LEJ, art, ev

OUTLET = {
    "key": "quetta-chronicle",
    "name": "The Quetta Chronicle",
    "gold_name": "Quetta Chronicle",
    "tagline": "News from Balochistan since 1998",
    "city": "Quetta",
}

COMMENTS = [
    ("Baloch Sahib", "The coastal highway from Gwadar to Ormara has no mobile signal for 200 km. How can anyone call for help there?"),
    ("Hazara Girl", "We have buried over 2,000 people from our community since 2001. Every time the government promises and forgets."),
    ("Naveed", "In Khuzdar the schools have been closed for 4 months. Nobody writes about that."),
    ("Jan Muhammad", "Sibi and Jacobabad are 50 degrees in summer and there is no electricity for 18 hours. That also kills people."),
    ("Abdul Rauf Kakar", "Loralai was peaceful in the 90s. What happened to us?"),
    ("Sadia B.", "The Chaman border has been closed for 3 weeks, thousands of labourers have no income."),
    ("Mir", "Why are the Levies given old rifles from 1980 and expected to fight modern weapons?"),
    ("Dr. Kamran", "Civil Hospital Quetta has only 2 trauma surgeons for a city of 2.5 million. Please highlight this."),
    ("Shah Jahan", "My father drove on the N-25 for 30 years. He says it was never this dangerous, not even in 2006."),
    ("Anonymous", "Dera Murad Jamali traders paid 1 crore in extortion last year, everybody knows but nobody speaks."),
    ("Zarina", "Give the youth of Turbat and Panjgur jobs in Gwadar port, then see how peace returns."),
]

ARTICLES = [
    art("one-killed-eight-injured-in-quetta-grenade-attack", "One killed, eight injured in Quetta grenade attack",
        "2024-04-16T09:10:00+05:00", "Naseer Ahmed Kakar", [
            "QUETTA: One person was killed and eight others were injured when unidentified men hurled a hand grenade at a crowded market in Quetta on Monday evening, police said.",
            "According to police officials, two men riding a motorcycle threw the grenade at a row of shops selling dry fruit and fled. The explosion shattered windows and damaged several parked vehicles.",
            "The body and the injured were taken to the Civil Hospital, where an emergency was declared. A hospital spokesperson said two of the injured were in serious condition.",
            "No group claimed responsibility for the attack. Police said it was too early to say whether the shopkeepers had been targeted over a refusal to pay extortion or whether the attack was aimed at spreading fear.",
            "Traders' associations announced a shutter-down strike for Tuesday and demanded that the government ensure security in markets. \"We pay taxes, we pay for private guards, and still we are not safe,\" the president of a traders' body said.",
            "The provincial home minister took notice of the incident and directed the police to arrest the culprits at the earliest.",
        ], events=[
            ev("2024-04-15-quetta-grenade-market", "bombing", "2024-04-15", BA, "Quetta", "Quetta",
               killed=1, injured=8, target_type="civilians"),
        ], tags=["grenade"]),

    art("electricity-pylon-blown-up-near-turbat", "Electricity pylon blown up near Turbat; BLF claims attack",
        "2024-05-23T08:40:00+05:00", "Staff Reporter", [
            "TURBAT: Unidentified men blew up an electricity transmission tower near Turbat, the headquarters of Kech district, late on Wednesday night, cutting off power supply to large parts of the district.",
            "Officials of the Quetta Electric Supply Company said the pylon of a 132kV line was destroyed in the blast. There were no casualties, they said, adding that repair teams would be sent once the area was cleared by the security forces.",
            "The Balochistan Liberation Front (BLF) claimed responsibility for the attack in a statement sent to the media, saying it had targeted the \"exploitative\" infrastructure of the state.",
            "Residents said the power outage had also disrupted the water supply because tube wells could not be operated. Temperatures in the district have crossed 45 degrees Celsius this week.",
            "Levies and police officials said a case had been registered and a search was under way for the attackers. Similar attacks on power lines have been reported in Kech and Panjgur in the past.",
            "The deputy commissioner appealed to residents to remain patient and said generators were being arranged for hospitals and government offices until the supply was restored.",
        ], events=[
            ev("2024-05-22-kech-electricity-pylon", "infrastructure_attack", "2024-05-22", BA, "Kech", "Turbat",
               killed=0, injured=0, perpetrator=BLF, attribution="claimed", target_type="infrastructure"),
        ], tags=["infrastructure"]),

    art("three-levies-personnel-killed-in-kalat-attack", "Three Levies personnel killed in attack on Kalat post",
        "2024-07-10T09:05:00+05:00", "Abdul Wahid Raisani", [
            "KALAT: Three Levies personnel were killed and another was injured when armed men attacked a Levies checkpost on the national highway in Kalat district on Tuesday, officials said.",
            "According to the Levies, around 15 attackers opened fire on the post from two directions with automatic weapons. The personnel on duty returned fire, but the attackers managed to set the post on fire before fleeing.",
            "The injured Levies man was taken to the district hospital and later shifted to Quetta. The bodies of the deceased were handed over to their families after legal formalities.",
            "A senior Levies official said the attack bore the hallmarks of the Baloch Liberation Army. \"The BLA has attacked our posts in this area before. We believe they are behind this attack too,\" he said. No group had claimed the attack.",
            "Traffic on the highway between Quetta and Karachi remained suspended for several hours after the attack. Security forces later launched a search operation in the nearby mountains.",
            "The chief minister condemned the attack and said that those who targeted the Levies force were enemies of the people of Balochistan.",
        ], events=[
            ev("2024-07-09-kalat-levies-post-attack", "armed_assault", "2024-07-09", BA, "Kalat", "Kalat",
               killed=3, injured=1, perpetrator=BLA, attribution="blamed", target_type="police"),
        ], tags=["armed_assault"]),

    art("gwadar-port-sees-record-cargo-handling", "Gwadar port sees record cargo handling, officials say",
        "2024-10-03T12:00:00+05:00", "Business Desk", [
            "GWADAR: The Gwadar port handled a record volume of cargo in the last quarter, officials of the port authority said on Wednesday, describing it as a sign that the long-awaited commercial activity was finally picking up.",
            "According to the officials, several vessels carrying urea, wheat and construction material docked at the port during the quarter. The government has directed that a share of public sector imports be routed through Gwadar.",
            "The chairman of the port authority told reporters that the new expressway and the airport would further improve connectivity. \"Gwadar's time has come. We are talking to shipping lines to start regular services,\" he said.",
            "Local traders, however, said the benefits had yet to reach the residents of the town, who continue to face shortages of drinking water and electricity. Fishermen have also complained about restrictions on their movement along the coast.",
            "Economists in Quetta said the port could only succeed if it was linked to the rest of the country by rail and if the business community was given incentives to use it.",
            "The provincial government has announced plans to set up a technical training institute in the town so that local youth can be hired for jobs at the port and in the free zone.",
        ], tags=["no_incident"], section="Business"),

    art("four-khawarij-killed-while-infiltrating-in-zhob", "Four khawarij killed while trying to infiltrate from Afghanistan in Zhob",
        "2024-12-12T09:20:00+05:00", "Staff Reporter", [
            "ZHOB: Security forces foiled an infiltration attempt along the Pakistan-Afghanistan border in Zhob district on Wednesday, killing four terrorists, the ISPR said.",
            "According to the military's media wing, troops observed the movement of a group of khawarij trying to cross the border in the Sambaza area. \"Own troops effectively engaged the infiltrating khawarij and after an intense exchange of fire, four khawarij were sent to hell,\" the statement said.",
            "A large quantity of weapons, ammunition and explosives was recovered from the militants, the ISPR added.",
            "The statement said that Pakistan had consistently asked the interim Afghan government to ensure effective border management and not to allow its soil to be used for terrorism against Pakistan.",
            "Zhob, which borders Afghanistan and the southern districts of Khyber Pakhtunkhwa, has witnessed several infiltration attempts over the past two years. Local elders said residents of border villages lived in constant fear.",
            "Security officials said surveillance along the border had been strengthened with the help of drones and additional posts.",
        ], events=[
            ev("2024-12-11-zhob-infiltration-foiled", "security_operation", "2024-12-11", BA, "Zhob", "Zhob",
               attackers_killed=4, target_type="militants"),
        ], tags=["security_operation"]),

    art("cabinet-approves-merger-of-levies-into-police", "Cabinet approves merger of Levies into police in six more districts",
        "2025-01-22T16:45:00+05:00", "Naseer Ahmed Kakar", [
            "QUETTA: The Balochistan cabinet on Tuesday approved the merger of the Levies force into the police in six more districts, a move officials said would bring uniform command and better training.",
            "The decision was taken at a cabinet meeting chaired by the chief minister. According to a handout, the personnel of the Levies would retain their seniority and pay, and would be given training at the police college.",
            "The government spokesman said the Levies system had served the province for more than a century but could no longer cope with modern challenges such as terrorism and organised crime.",
            "Opposition members and several tribal elders criticised the decision, saying that the Levies were recruited from local communities and enjoyed trust that the police did not. \"This will weaken the bond between the people and the force,\" an opposition lawmaker said.",
            "The cabinet also approved a new service structure for the Counter-Terrorism Department and allocated funds for the construction of police stations in districts where none existed.",
            "Officials said the merger would be completed within a year and that the remaining districts would be considered in the next phase.",
        ], tags=["no_incident"]),

    art("six-passengers-kidnapped-from-bus-on-n50-near-zhob", "Six passengers kidnapped from bus on N-50 near Zhob",
        "2025-02-19T08:55:00+05:00", "Staff Reporter", [
            "ZHOB: Armed men kidnapped six passengers after stopping a Quetta-bound bus on the N-50 highway in Zhob district on Tuesday evening, officials said.",
            "According to the Levies, more than a dozen gunmen set up a roadblock on the highway and stopped several vehicles. They checked the identity cards of the passengers and took six of them, including two government employees, to the mountains.",
            "\"The other passengers were released and told to continue their journey,\" a Levies official said. No one was killed in the incident, he added.",
            "No group claimed responsibility for the abduction. Officials said security forces and Levies had been deployed in the area to recover the kidnapped men.",
            "The N-50 connects Balochistan with Dera Ismail Khan and Punjab, and transporters have repeatedly demanded more security on the route. Bus operators said they would suspend night services until further notice.",
            "Families of the abducted passengers gathered outside the deputy commissioner's office and urged the government to secure their release.",
        ], events=[
            ev("2025-02-18-zhob-n50-passengers-kidnapped", "kidnapping", "2025-02-18", BA, "Zhob", "Zhob",
               killed=0, kidnapped=6, target_type="transport"),
        ], tags=["kidnapping"]),

    art("gas-pipeline-blown-up-in-dera-bugti", "Gas pipeline blown up in Dera Bugti; supply to Punjab suspended",
        "2025-03-12T09:00:00+05:00", "Our Correspondent", [
            "DERA BUGTI: Unidentified men blew up a gas pipeline in Dera Bugti district late on Tuesday night, suspending the supply of gas to several areas, officials said.",
            "According to officials, the attackers planted explosives along a 24-inch pipeline that carries gas from the field to the purification plant. There were no casualties, but the blast triggered a fire that could be seen from miles away.",
            "The Baloch Republican Army (BRA) claimed responsibility for the attack in a statement to the media.",
            "Officials of the gas company said repair work would begin once the fire was put out and the security forces cleared the area. The company said that supply to domestic consumers would be managed through alternative lines.",
            "Gas installations in Dera Bugti have been attacked frequently over the years, and security forces are deployed around the gas field and along major pipelines.",
            "Local residents complained that despite producing gas for the whole country for decades, most villages in the district still did not have a gas connection.",
        ], events=[
            ev("2025-03-11-dera-bugti-gas-pipeline", "infrastructure_attack", "2025-03-11", BA, "Dera Bugti", "Dera Bugti",
               killed=0, injured=0, perpetrator=BRA, attribution="claimed", target_type="infrastructure"),
        ], tags=["infrastructure"]),

    art("four-fc-personnel-killed-in-kech-ied-blast", "Four FC personnel killed in Kech IED blast",
        "2025-05-07T07:30:00+05:00", "Staff Reporter", [
            "TURBAT: At least four personnel of the Frontier Corps were killed and six others injured when an improvised explosive device hit their vehicle in Kech district on Tuesday, officials said.",
            "According to officials, the FC convoy was on a routine patrol near Turbat when the bomb, planted on the roadside, was detonated by remote control. One vehicle was completely destroyed.",
            "The injured were shifted to the Combined Military Hospital in Turbat. Officials said some of them were in critical condition.",
            "Security forces cordoned off the area and launched a search operation. No group had claimed responsibility for the attack by the time this report was filed, though separatist groups are active in the area.",
            "The chief minister strongly condemned the attack and said such cowardly acts could not weaken the resolve of the security forces.",
            "Kech district has seen a string of attacks on security forces in recent months, and the road network in the district remains vulnerable to roadside bombs.",
        ], events=[
            ev("2025-05-06-kech-ied-fc-convoy", "bombing", "2025-05-06", BA, "Kech", "Turbat",
               killed=4, injured=6, target_type="security_forces"),
        ], tags=["multi_outlet"]),

    art("kech-blast-toll-rises-to-six-bla-claims-attack", "Kech blast toll rises to six; BLA claims attack",
        "2025-05-08T08:15:00+05:00", "Staff Reporter", [
            "TURBAT: The death toll from Tuesday's roadside bombing of a Frontier Corps vehicle in Kech district rose to six on Wednesday after two injured soldiers succumbed to their wounds, officials said.",
            "Security officials said six others injured in the blast were still under treatment at the Combined Military Hospital in Turbat, and most of them were out of danger.",
            "The Baloch Liberation Army (BLA) claimed responsibility for the attack in a statement released to the media, saying its fighters had targeted the convoy with a remote-controlled device.",
            "Funeral prayers of the soldiers were offered in Turbat and attended by senior military and civil officials. The bodies were later sent to their native towns.",
            "The ISPR said in a statement that the security forces were determined to bring the perpetrators to justice and that the sacrifices of the soldiers further strengthened their resolve.",
            "Political parties in Kech condemned the attack and called for dialogue with disgruntled elements to bring lasting peace to the province.",
        ], events=[
            ev("2025-05-06-kech-ied-fc-convoy", "bombing", "2025-05-06", BA, "Kech", "Turbat",
               killed=6, injured=6, perpetrator=BLA, attribution="claimed", target_type="security_forces"),
        ], tags=["multi_outlet", "claim_later"]),

    art("five-terrorists-killed-in-mastung-ibo", "Five terrorists killed in Mastung IBO: ISPR",
        "2025-05-26T09:35:00+05:00", "Staff Reporter", [
            "MASTUNG: Security forces killed five terrorists in an intelligence-based operation in the mountains of Mastung district on Sunday, the ISPR said.",
            "The military's media wing said the operation was conducted on the reported presence of terrorists of Fitna al-Hindustan, the state's term for Baloch militant outfits. Five terrorists were killed in the exchange of fire, it said.",
            "Weapons, ammunition and explosives were recovered from the hideout, which the ISPR said was used to plan attacks on the national highway and on the security forces.",
            "\"Sanitisation operation is being conducted to eliminate any other terrorist found in the area,\" the statement added.",
            "Mastung, located around 50 kilometres south of Quetta, has been the scene of several major attacks in the past, including bombings targeting political gatherings and religious processions.",
            "Residents said the movement of vehicles on the roads leading to the area was restricted during the operation and that life returned to normal by the evening.",
        ], events=[
            ev("2025-05-25-mastung-ibo", "security_operation", "2025-05-25", BA, "Mastung", "Mastung",
               attackers_killed=5, target_type="militants"),
        ], tags=["security_operation"]),

    art("two-levies-men-killed-three-injured-in-separate-attacks", "Two Levies men killed, three injured in separate attacks across Balochistan",
        "2025-06-18T08:25:00+05:00", "Abdul Wahid Raisani", [
            "QUETTA: Two Levies personnel were killed and three people were injured in separate attacks in Kharan, Panjgur and Nushki districts on Tuesday, while militants also set a mobile phone tower on fire, officials said.",
            "In Kharan, armed men attacked a Levies checkpost on the outskirts of the town. Two Levies personnel were killed in the attack, while the attackers escaped, officials said.",
            "In Panjgur, unidentified men hurled a grenade at a shop in the main bazaar, injuring three people, including the shopkeeper. Police said none of the injured was in critical condition and no one was killed.",
            "Meanwhile, in Nushki, armed men forced staff out of a mobile phone tower installation and set the equipment on fire. No one was hurt, but mobile phone service in the area was disrupted.",
            "No group claimed responsibility for any of the attacks. Officials said search operations were under way in all three districts.",
            "The provincial government spokesman said the attacks were aimed at creating panic and that the government would not be intimidated.",
        ], events=[
            ev("2025-06-17-kharan-levies-checkpost", "armed_assault", "2025-06-17", BA, "Kharan", "Kharan",
               killed=2, target_type="police"),
            ev("2025-06-17-panjgur-grenade-shop", "bombing", "2025-06-17", BA, "Panjgur", "Panjgur",
               killed=0, injured=3, target_type="civilians"),
            ev("2025-06-17-nushki-mobile-tower-torched", "infrastructure_attack", "2025-06-17", BA, "Nushki", "Nushki",
               killed=0, injured=0, target_type="infrastructure"),
        ], tags=["roundup"]),

    art("two-coast-guards-killed-four-attackers-dead-in-pasni", "Two coast guards killed, four attackers dead in Pasni checkpost attack",
        "2025-07-03T08:50:00+05:00", "Staff Reporter", [
            "PASNI: Two personnel of the Pakistan Coast Guards were killed and three others injured when militants attacked a checkpost near Pasni in Gwadar district on Wednesday, officials said.",
            "Officials said the attackers, armed with automatic weapons and rocket launchers, targeted the post in the early hours. The personnel returned fire and four attackers were killed in the exchange of fire that lasted about two hours.",
            "The Balochistan Liberation Front (BLF) claimed responsibility for the attack in a statement to the media.",
            "The injured were shifted to a hospital in Pasni and later airlifted to Karachi. Security forces launched a search operation in the area to track down the attackers who managed to escape.",
            "Fishermen's associations in Pasni said their members had been asked not to go out to sea for two days as a precaution.",
            "The coastal belt of Gwadar district has witnessed several attacks on security forces and development projects in recent years.",
        ], events=[
            ev("2025-07-02-gwadar-pasni-coast-guard-post", "armed_assault", "2025-07-02", BA, "Gwadar", "Pasni",
               killed=2, injured=3, attackers_killed=4, perpetrator=BLF, attribution="claimed", target_type="security_forces"),
        ], tags=["armed_assault"]),

    art("five-killed-14-injured-as-blast-targets-police-in-quetta", "Five killed, 14 injured as blast targets police vehicle in Quetta",
        "2025-08-06T07:45:00+05:00", "Naseer Ahmed Kakar", [
            "QUETTA: At least five people, including three policemen, were killed and 14 others injured when a bomb exploded near a police patrol vehicle in Quetta on Tuesday evening, officials said.",
            "According to police, the explosive device was fitted to a motorcycle parked along the roadside and was detonated as the police vehicle passed by. Two passers-by were among the dead.",
            "Rescue teams shifted the dead and the injured to the Civil Hospital and the Combined Military Hospital. A state of emergency was declared at the hospitals and doctors were called in from their homes.",
            "No group had claimed responsibility for the blast. The Counter-Terrorism Department said it was investigating the incident and that initial evidence suggested that around six kilogrammes of explosives had been used.",
            "Police and FC personnel cordoned off the area, while traffic on the main road remained suspended for several hours.",
            "The chief minister condemned the attack and directed the authorities to ensure the best medical care for the injured.",
        ], events=[
            ev("2025-08-05-quetta-police-vehicle-blast", "bombing", "2025-08-05", BA, "Quetta", "Quetta",
               killed=5, injured=14, target_type="police"),
        ], tags=["multi_outlet"]),

    art("bomb-on-railway-track-defused-near-mach", "Bomb planted on railway track defused near Mach",
        "2025-08-20T09:10:00+05:00", "Our Correspondent", [
            "MACH: Security personnel defused a bomb planted on the railway track near Mach in Kachhi district on Tuesday, averting a possible attack on a passenger train, officials said.",
            "According to railway police, a patrolling team spotted wires along the track early in the morning and called the bomb disposal squad. The device, containing around eight kilogrammes of explosives, was defused safely.",
            "Train services between Quetta and Sibi were suspended for several hours while the track was inspected. No one was hurt.",
            "No group claimed responsibility, but railway tracks in the Bolan area have been targeted repeatedly by militants in the past.",
            "The incident comes two weeks after a bomb blast targeting a police vehicle in Quetta killed nine people, including policemen. Security has since been tightened at railway stations and along the track.",
            "Railway officials said additional security personnel would be deployed along vulnerable sections of the track between Quetta and Jacobabad.",
        ], events=[
            ev("2025-08-19-kachhi-railway-bomb-defused", "infrastructure_attack", "2025-08-19", BA, "Kachhi (Bolan)", "Mach",
               killed=0, injured=0, target_type="transport"),
        ], tags=["foiled", "infrastructure", "recap"]),

    art("national-party-worker-shot-dead-in-turbat", "National Party worker shot dead in Turbat",
        "2025-09-10T08:30:00+05:00", "Staff Reporter", [
            "TURBAT: A worker of the National Party was shot dead by unidentified gunmen in Turbat on Tuesday, police said.",
            "Police said Shahdad Baloch, 41, was sitting outside his shop when two armed men arrived on a motorcycle and opened fire on him. He was killed on the spot and the attackers fled.",
            "The National Party condemned the killing and announced three days of mourning. Party leaders said the victim was an active political worker who had campaigned for the party in the last elections.",
            "No group claimed responsibility for the killing. Police said they were investigating the motive and had not ruled out any possibility.",
            "Political activists in Kech district have been targeted several times in recent years. Party leaders demanded that the government ensure the security of political workers.",
            "A protest was held in Turbat later in the day, with participants demanding the arrest of the killers.",
        ], events=[
            ev("2025-09-09-kech-political-worker-killed", "targeted_killing", "2025-09-09", BA, "Kech", "Turbat",
               killed=1, target_type="political"),
        ], tags=["targeted_killing"]),

    art("would-be-suicide-bomber-arrested-near-imambargah-in-quetta", "Would-be suicide bomber arrested near imambargah in Quetta",
        "2025-10-01T09:40:00+05:00", "Naseer Ahmed Kakar", [
            "QUETTA: The Counter-Terrorism Department said on Tuesday that it had arrested a would-be suicide bomber near an imambargah in Quetta and foiled a major terrorist attack.",
            "According to a CTD spokesman, the suspect was intercepted at a checkpoint after officials received intelligence about a planned attack on a religious gathering. A suicide vest packed with explosives was recovered from his possession.",
            "The spokesman said the suspect belonged to the banned Lashkar-e-Jhangvi and had been sent to carry out the attack. No one was hurt in the operation.",
            "Quetta's Hazara community has been targeted repeatedly by sectarian militants. In 2013, twin bombings in the city killed more than 90 people, and many members of the community have since been killed in targeted attacks.",
            "Community leaders welcomed the arrest and thanked the CTD, but demanded that the network behind the suspect be dismantled.",
            "Security was beefed up at mosques and imambargahs across the city.",
        ], events=[
            ev("2025-09-30-quetta-suicide-bomber-arrested", "bombing", "2025-09-30", BA, "Quetta", "Quetta",
               killed=0, injured=0, perpetrator=LEJ, attribution="blamed", target_type="religious", suicide=True),
        ], tags=["foiled", "recap"]),

    art("five-terrorists-killed-in-kech-operation", "Five terrorists killed in Kech operation",
        "2025-10-23T09:15:00+05:00", "Staff Reporter", [
            "TURBAT: Security forces killed five terrorists in an intelligence-based operation in the Buleda area of Kech district on Wednesday, the ISPR said.",
            "According to the military's media wing, the operation was conducted on the reported presence of terrorists belonging to Fitna al-Hindustan. Five terrorists were killed after an intense exchange of fire, it said.",
            "Weapons, ammunition and explosives were recovered. The ISPR said the killed terrorists were involved in attacks on security forces and civilians in the area.",
            "A clearance operation was being carried out in the area to eliminate any other terrorists, the statement said.",
            "Kech has been one of the most volatile districts of Balochistan, with frequent attacks on the Frontier Corps and other security forces.",
            "Residents of Buleda said mobile phone services were suspended during the operation and restored later in the evening.",
        ], events=[
            ev("2025-10-22-kech-ibo-buleda", "security_operation", "2025-10-22", BA, "Kech", None,
               attackers_killed=5, target_type="militants"),
        ], tags=["security_operation"]),

    art("report-says-violence-in-balochistan-rose-in-first-nine-months", "Report says violence in Balochistan rose in first nine months",
        "2025-11-05T13:20:00+05:00", "Staff Reporter", [
            "QUETTA: Militant violence in Balochistan increased during the first nine months of the year compared with the same period last year, according to a report released by an independent research centre on Tuesday.",
            "The report said that attacks on security forces, infrastructure and development projects were the most common forms of violence. It said that the southern and central districts of the province were the most affected.",
            "The report also noted a rise in enforced disappearances and called on the government to address the grievances of the people of Balochistan.",
            "Speakers at the launch of the report said that a purely military approach would not succeed and that political dialogue was needed.",
            "The report recommended that the government invest in education and employment for the youth, strengthen the police and Levies, and improve coordination between civil and military institutions.",
            "Officials of the provincial home department who attended the launch said the government was already working on most of these recommendations.",
        ], tags=["no_incident"]),

    art("two-nadra-employees-kidnapped-in-kharan", "Two NADRA employees kidnapped in Kharan",
        "2025-11-19T08:45:00+05:00", "Our Correspondent", [
            "KHARAN: Armed men kidnapped two employees of the National Database and Registration Authority (NADRA) in Kharan on Tuesday, officials said.",
            "According to officials, the employees were travelling to a mobile registration van in a remote area of the district when they were stopped by gunmen and taken away.",
            "No group claimed responsibility for the kidnapping. Officials said efforts were being made to secure the release of the employees.",
            "NADRA staff in Balochistan have been targeted in the past, and several mobile registration units have been suspended in sensitive areas.",
            "The deputy commissioner said the Levies and police had launched a search operation and that the government would do everything to recover the men safely.",
            "Government employees in Kharan staged a protest and demanded security for staff working in remote areas.",
        ], events=[
            ev("2025-11-18-kharan-nadra-employees-kidnapped", "kidnapping", "2025-11-18", BA, "Kharan", "Kharan",
               kidnapped=2, target_type="government"),
        ], tags=["kidnapping"]),

    art("university-of-balochistan-reopens-after-three-weeks", "University of Balochistan reopens after three weeks",
        "2025-12-04T11:00:00+05:00", "Staff Reporter", [
            "QUETTA: The University of Balochistan reopened on Wednesday after remaining closed for three weeks due to a financial crisis and a strike by teachers and staff over unpaid salaries.",
            "The university administration said the salaries had been paid after the provincial government released a special grant. Classes resumed in all departments and students returned to the campus.",
            "Teachers' association leaders said the financial crisis was far from over and that the university needed a permanent solution. They warned that they would go on strike again if salaries were delayed in the future.",
            "Students said the closure had disrupted their studies and delayed examinations. Many had travelled from distant districts to attend classes.",
            "The provincial education minister said the government was committed to supporting higher education and would increase the annual grant for public universities in the next budget.",
            "The university, the oldest in the province, has more than 10,000 students enrolled in its various programmes.",
        ], tags=["no_incident"]),

    art("two-policemen-injured-in-grenade-attack-on-mastung-police-station", "Two policemen injured in grenade attack on Mastung police station",
        "2025-12-17T08:20:00+05:00", "Our Correspondent", [
            "MASTUNG: Two policemen were injured when unidentified men hurled a hand grenade at a police station in Mastung on Tuesday night, officials said.",
            "According to police, the grenade exploded in the compound of the police station. The injured policemen were shifted to a hospital in Quetta. No one was killed.",
            "No group claimed responsibility for the attack. Police said a search operation had been launched to arrest the attackers.",
            "Mastung has witnessed several attacks on police and security forces this year. Police officials said security around police stations had been increased.",
            "The provincial home minister condemned the attack and directed the police to arrest the culprits.",
            "Residents said they heard a loud explosion followed by gunfire, as policemen fired in the air after the attack.",
        ], events=[
            ev("2025-12-16-mastung-grenade-police-station", "bombing", "2025-12-16", BA, "Mastung", "Mastung",
               killed=0, injured=2, target_type="police"),
        ], tags=["grenade"]),
]
